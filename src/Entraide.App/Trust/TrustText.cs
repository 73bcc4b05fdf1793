namespace Entraide.App.Trust;

/// <summary>Texts of the Trust module's pages (<c>TrustText.*.resx</c>): sign-in, two-factor set-up, API tokens.</summary>
public sealed class TrustText;
