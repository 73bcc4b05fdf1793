namespace Entraide.App.Evidence;

/// <summary>Texts of the Evidence module (<c>EvidenceText.*.resx</c>), error messages included.</summary>
public sealed class EvidenceText;
