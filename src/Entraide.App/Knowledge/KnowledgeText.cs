namespace Entraide.App.Knowledge;

/// <summary>Marker for the Knowledge module's texts (KnowledgeText.resx and its five translations).</summary>
public sealed class KnowledgeText;
