namespace Entraide.App.Web;

/// <summary>Texts shared by every page: layout, navigation, forms (<c>SharedText.*.resx</c>).</summary>
public sealed class SharedText;
