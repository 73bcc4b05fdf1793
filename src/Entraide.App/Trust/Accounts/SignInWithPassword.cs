using Entraide.App.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Entraide.App.Trust.Accounts;

/// <summary>The first sign-in step: an e-mail address and a password, from the sign-in form.</summary>
public sealed record SignInWithPassword(string? Email, string? Password);

public enum SignInOutcome
{
    /// <summary>Unknown address, wrong password, or refused from this address: one answer for all three.</summary>
    Refused,

    /// <summary>Too many failures in the last minute for this account or from this address.</summary>
    Paused,

    /// <summary>The password is right; the authenticator's code comes next.</summary>
    SecondFactor,

    SignedIn,
}

public sealed record SignInAnswer(SignInOutcome Outcome, TimeSpan RetryAfter = default, string? Language = null);

/// <summary>
/// Checks a password so that nothing in the answer — its text, its status, the work done — tells
/// whether the account exists or is locked: an unknown address is checked against a dummy hash, and a
/// locked account gets the answer of a wrong password (after the same hashing).
/// </summary>
public sealed class SignInWithPasswordHandler(UserManager<EntraideUser> users, EntraideSignInManager signIn, IPasswordHasher<EntraideUser> hasher,
    DummyPassword dummy, SignInAttempts attempts, IHttpContextAccessor http) : IHandler
{
    public async Task<SignInAnswer> HandleAsync(SignInWithPassword command, CancellationToken ct)
    {
        var email = command.Email?.Trim() ?? "";
        var password = command.Password ?? "";
        var account = SignInAttempts.AccountKey(users.NormalizeEmail(email));
        var address = SignInAttempts.AddressOf(http.HttpContext);
        if (await attempts.PauseAsync(account, address, ct) is { } wait) return new SignInAnswer(SignInOutcome.Paused, wait);

        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email);
        var right = user?.PasswordHash is null ? dummy.Check(hasher, password) : await users.CheckPasswordAsync(user, password);
        if (!right)
        {
            await attempts.FailedAsync(account, address, ct);
            return new SignInAnswer(SignInOutcome.Refused);
        }
        if (await attempts.LockedAsync(account, address, ct) || await users.IsLockedOutAsync(user!) || !await signIn.CanSignInAsync(user!))
            return new SignInAnswer(SignInOutcome.Refused);

        await attempts.SucceededAsync(account, address, ct);
        var result = await signIn.SignInAfterPasswordAsync(user!);
        if (result.RequiresTwoFactor) return new SignInAnswer(SignInOutcome.SecondFactor);
        return result.Succeeded
            ? new SignInAnswer(SignInOutcome.SignedIn, Language: user!.PreferredLanguage)
            : new SignInAnswer(SignInOutcome.Refused);
    }
}
