namespace Entraide.App.Infrastructure.Hosting;

/// <summary>
/// The demo accounts, in a box a person finds at the end of the console: the address to open, the shared
/// password and authenticator key, then the accounts of each State on one line. The server prints it once it is
/// listening and the demo content is in (nothing of start-up follows it); <c>entraide seed --demo</c> at its end.
/// </summary>
public static class DemoCredentials
{
    public static void Write(TextWriter output, IReadOnlyList<(string Account, string State, string Roles)> accounts,
        IEnumerable<string>? addresses = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count == 0) return;
        var lines = new List<string> { "Entraide demo accounts", "" };
        foreach (var a in addresses ?? []) lines.Add("Open       " + a.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal));
        lines.Add("Password   " + Trust.DemoAccounts.Password + "   (every account)");
        lines.Add("2FA key    " + Trust.DemoAccounts.AuthenticatorKey + "   (one authenticator entry serves them all)");
        lines.Add("");
        foreach (var group in accounts.GroupBy(a => a.State))
        {
            var names = group.Select(a => a.Account.Split('@')[0]);
            lines.Add($"{group.Key,-4} " + string.Join("  ", names));
        }
        lines.Add("");
        lines.Add("Every account is <name>@" + Trust.DemoAccounts.Domain + ", e.g. ca.fra@" + Trust.DemoAccounts.Domain + ".");
        var width = lines.Max(l => l.Length);
        output.WriteLine();
        output.WriteLine("╔" + new string('═', width + 2) + "╗");
        foreach (var l in lines) output.WriteLine("║ " + l.PadRight(width) + " ║");
        output.WriteLine("╚" + new string('═', width + 2) + "╝");
        output.WriteLine();
        output.Flush();
    }
}
