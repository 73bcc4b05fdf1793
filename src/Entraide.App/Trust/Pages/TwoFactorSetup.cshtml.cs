using System.Security.Claims;
using System.Text;
using Entraide.App.Trust.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Entraide.App.Trust.Pages;

/// <summary>
/// Sets up an authenticator application (TOTP, RFC 6238) for the signed-in account: the key as text and
/// as a QR code of its <c>otpauth:</c> address, drawn here (no outside service sees the key). A right
/// code turns two-factor sign-in on and marks the session as having proved the second factor. Once the
/// authenticator is set up the key is never shown again.
/// </summary>
public sealed class TwoFactorSetupModel(UserManager<EntraideUser> users, SignInManager<EntraideUser> signIn) : PageModel
{
    public bool Enabled { get; private set; }

    /// <summary>The account has an authenticator but this session has not given a code yet.</summary>
    public bool CodeNeeded { get; private set; }

    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public string QrCode { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var clean = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, clean);
        if (!valid)
        {
            Error = "This code is not right or has expired.";
            await LoadAsync(user);
            return Page();
        }
        if (!user.TwoFactorEnabled) await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SecondFactorGate.MethodClaim, SecondFactorGate.TwoFactorMethod)]);
        return Redirect("/");
    }

    private async Task LoadAsync(EntraideUser user)
    {
        Enabled = user.TwoFactorEnabled;
        CodeNeeded = Enabled && SecondFactorGate.NeedsSecondFactor(User);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp, which every request checks: the session's cookie is renewed with it.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = Format(key!);
        AuthenticatorUri = $"otpauth://totp/Entraide:{Uri.EscapeDataString(user.Email ?? user.Id)}?secret={key}&issuer=Entraide&digits=6";
        QrCode = QrDataUri(AuthenticatorUri);
    }

    /// <summary>A PNG data URI of the QR code of <paramref name="text"/> (the pages' CSP allows <c>data:</c> images).</summary>
    internal static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private static string Format(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
