namespace Entraide.App.Network;

/// <summary>Texts of the Network module's pages and error messages (<c>NetworkText.*.resx</c>).</summary>
public sealed class NetworkText;
