using System.Security.Claims;
using System.Text;
using Entraide.App.Trust.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Entraide.App.Trust.Pages;

/// <summary>
/// Sets up an authenticator application (TOTP, RFC 6238) for the signed-in account: the key as text and
/// as a QR code of its <c>otpauth:</c> address, drawn here (no outside service sees the key). The key is
/// shown, and a code accepted, only with the account's one-time enrolment link (<see cref="EnrolmentLinks"/>):
/// the password alone never enrols an authenticator. A right code turns two-factor sign-in on, spends the
/// link and marks the session as having proved the second factor. Once the authenticator is set up the key
/// is never shown again; an account that has one gives its code here to finish signing in.
/// </summary>
public sealed class TwoFactorSetupModel(UserManager<EntraideUser> users, SignInManager<EntraideUser> signIn, EnrolmentLinks links) : PageModel
{
    public bool Enabled { get; private set; }

    /// <summary>The account has an authenticator but this session has not given a code yet.</summary>
    public bool CodeNeeded { get; private set; }

    /// <summary>The enrolment link presented, when it is valid: the form sends it back with the code.</summary>
    public string? Link { get; private set; }

    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public string QrCode { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? link)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user, link);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? link)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var enrolling = !user.TwoFactorEnabled;
        if (enrolling && await links.CheckAsync(user, link) is var state && state != EnrolmentLinkState.Valid)
        {
            Error = EnrolmentLinks.Message(state);
            Enabled = false;
            return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
        }
        var clean = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, clean);
        if (!valid)
        {
            Error = "This code is not right or has expired.";
            await LoadAsync(user, link);
            return Page();
        }
        if (enrolling)
        {
            await links.UseAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SecondFactorGate.MethodClaim, SecondFactorGate.TwoFactorMethod)]);
        return Redirect("/");
    }

    private async Task LoadAsync(EntraideUser user, string? link)
    {
        Enabled = user.TwoFactorEnabled;
        CodeNeeded = Enabled && SecondFactorGate.NeedsSecondFactor(User);
        if (Enabled) return;
        if (await links.CheckAsync(user, link) is var state && state != EnrolmentLinkState.Valid)
        {
            Error ??= EnrolmentLinks.Message(state);
            return;
        }
        Link = link!.Trim();
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
