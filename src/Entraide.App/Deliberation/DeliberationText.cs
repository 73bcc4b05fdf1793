namespace Entraide.App.Deliberation;

/// <summary>Texts of the Deliberation module (<c>DeliberationText.*.resx</c>), error messages included.</summary>
public sealed class DeliberationText;
