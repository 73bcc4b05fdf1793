namespace Entraide.App.Cooperation;

/// <summary>Texts of the Cooperation module (<c>CooperationText.*.resx</c>), error messages included.</summary>
public sealed class CooperationText;
