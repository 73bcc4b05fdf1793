using System.CommandLine;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.App.Trust.Accounts;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Entraide.Cli;

/// <summary>
/// <c>entraide</c>: operations on an Entraide database from the command line. It reads the same
/// settings as the server (<c>ConnectionStrings__Entraide</c>, <c>Database__Provider</c>, or
/// <c>--connection</c>); with none it works on the embedded SQLite database of the default data folder (as the server).
/// </summary>
public static class EntraideCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var connection = new Option<string?>("--connection")
        {
            Description = "Database connection string (PostgreSQL: Host=…; SQLite: Data Source=…)",
            Recursive = true,
        };
        var provider = new Option<string?>("--provider")
        {
            Description = "sqlite or postgres (guessed from the connection string when omitted)",
            Recursive = true,
        };
        var root = new RootCommand("Entraide: cooperation between States against the criminal use of ICT.");
        var settings = new Option<string[]>("--set")
        {
            Description = "A setting as the server reads it, Key=Value (repeatable), e.g. Audit:Checkpoints:Folder=/mnt/anchors",
            Recursive = true,
            AllowMultipleArgumentsPerToken = false,
        };
        root.Options.Add(connection);
        root.Options.Add(provider);
        root.Options.Add(settings);
        string[] given = [];
        IHost WithSettings(string? c, string? pr) => BuildHost(c, pr, given);

        var migrate = new Command("migrate", "Apply pending database migrations.");
        migrate.SetAction(async (p, ct) =>
        {
            using var host = WithSettings(p.GetValue(connection), p.GetValue(provider));
            await DatabaseSetup.MigrateAsync(host.Services, ct);
            await stdout.WriteLineAsync("Database is up to date.");
            return 0;
        });
        root.Subcommands.Add(migrate);

        var demo = new Option<bool>("--demo") { Description = "Also seed demo accounts and example content, and print the credentials." };
        var seed = new Command("seed", "Seed reference data (and demo data with --demo). Safe to run twice.") { demo };
        seed.SetAction(async (p, ct) =>
        {
            using var host = WithSettings(p.GetValue(connection), p.GetValue(provider));
            await DatabaseSetup.MigrateAsync(host.Services, ct);
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<App.Infrastructure.Hosting.Seeding.SeedRunner>().RunAsync(p.GetValue(demo), stdout, ct);
            await ChainAsync(scope.ServiceProvider, ct);
            await stdout.WriteLineAsync("Seeded.");
            return 0;
        });
        root.Subcommands.Add(seed);

        root.Subcommands.Add(AuditCommands(connection, provider, WithSettings, stdout, stderr));
        root.Subcommands.Add(UserCommands(connection, provider, WithSettings, stdout, stderr));
        root.Subcommands.Add(TokenCommands(connection, provider, WithSettings, stdout, stderr));
        root.Subcommands.Add(KnowledgeCommands.Build(connection, provider, WithSettings, stdout, stderr));

        var parsed = root.Parse(args);
        given = parsed.GetValue(settings) ?? [];
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static Command AuditCommands(Option<string?> connection, Option<string?> provider, Func<string?, string?, IHost> buildHost,
        TextWriter stdout, TextWriter stderr)
    {
        var audit = new Command("audit", "The tamper-evident audit trail.");
        var rows = new Option<bool>("--rows") { Description = "Also compare every audited row with the latest entry about it." };
        var verify = new Command("verify", "Walk the audit chain and check pending entries' seals and the last checkpoint; exit 1 naming " +
            "the first fault (an entry altered, removed, reordered or forged; with --rows, a row changed without an entry).") { rows };
        verify.SetAction((p, ct) => DiagnosedAsync("audit verify", stderr, async () =>
        {
            using var host = buildHost(p.GetValue(connection), p.GetValue(provider));
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var (checkpoint, problem) = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().ReadLatest();
            if (problem is not null)
            {
                await stderr.WriteLineAsync($"Audit checkpoint BROKEN: {problem}.");
                return 1;
            }
            var keys = scope.ServiceProvider.GetRequiredService<AuditKeys>();
            var result = await AuditVerifier.VerifyAsync(db, () => keys, checkpoint, ct);
            if (!result.Intact)
            {
                await stderr.WriteLineAsync(
                    $"Audit chain BROKEN at entry {result.FirstBadEntry}: {result.Problem}. {result.Verified} entries before it verify.");
                return 1;
            }
            var anchored = checkpoint is null ? "" : $"; it holds the checkpoint of {checkpoint.At:u} at sequence {checkpoint.Sequence}";
            await stdout.WriteLineAsync($"Audit chain intact: {result.Verified} entries verified in {started.Elapsed.TotalSeconds:0.00} s " +
                $"({result.Pending} not yet chained){anchored}.");
            if (!p.GetValue(rows)) return 0;
            var checkedRows = await AuditRows.VerifyAsync(db, ct);
            foreach (var f in checkedRows.Findings) await stderr.WriteLineAsync($"Row {f.Table} {f.Id}: {f.Problem}.");
            if (!checkedRows.Intact)
            {
                var more = checkedRows.Findings.Count >= AuditRows.MaxFindings ? " (the first ones)" : "";
                await stderr.WriteLineAsync($"Audited rows BROKEN: {checkedRows.Findings.Count} rows{more} do not match the audit trail.");
                return 1;
            }
            await stdout.WriteLineAsync($"Audited rows intact: {checkedRows.Rows} rows match their latest entries.");
            return 0;
        }));
        audit.Subcommands.Add(verify);

        var chain = new Command("chain", "Link audit entries written while no server was running into the chain; refuse (and name) forged ones.");
        chain.SetAction((p, ct) => DiagnosedAsync("audit chain", stderr, async () =>
        {
            using var host = buildHost(p.GetValue(connection), p.GetValue(provider));
            await using var scope = host.Services.CreateAsyncScope();
            var done = await ChainAsync(scope.ServiceProvider, ct);
            await stdout.WriteLineAsync($"{done.Linked} entries linked.");
            if (done.Refused.Count == 0) return 0;
            await stderr.WriteLineAsync($"{done.Refused.Count} entries refused, kept out of the chain: they are not sealed with this " +
                $"installation's audit key (forged, or altered before they were chained): {string.Join(", ", done.Refused.Select(id => $"#{id}"))}.");
            return 1;
        }));
        audit.Subcommands.Add(chain);

        var publish = new Option<bool>("--publish")
        {
            Description = "Also publish a signed checkpoint of the head: to Audit:Checkpoints:Folder, and POSTed to Audit:Checkpoints:Url.",
        };
        var head = new Command("head", "Print the chain head (sequence and hash), to be kept outside the database as an anchor.") { publish };
        head.SetAction((p, ct) => DiagnosedAsync("audit head", stderr, async () =>
        {
            using var host = buildHost(p.GetValue(connection), p.GetValue(provider));
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            if (p.GetValue(publish))
            {
                var published = await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().PublishAsync(db, onlyIfMoved: false, ct);
                if (published.Checkpoint is { } cp)
                {
                    await stdout.WriteLineAsync($"{cp.Sequence} {cp.Hash}");
                    if (published.File is not null) await stdout.WriteLineAsync($"Checkpoint written to {published.File}.");
                    if (published.SentTo is not null) await stdout.WriteLineAsync($"Checkpoint sent to {published.SentTo}.");
                }
                if (published.Problem is null) return 0;
                await stderr.WriteLineAsync(published.Checkpoint is null
                    ? $"No checkpoint published: {published.Problem}."
                    : $"The checkpoint was not sent: {published.Problem}.");
                return 1;
            }
            var h = await db.Set<AuditChainHead>().AsNoTracking().Where(h => h.Id == AuditChainHead.SingletonId).FirstOrDefaultAsync(ct);
            if (h is null)
            {
                await stderr.WriteLineAsync("The chain head row (trust_audit_head) is missing: it was deleted. Run `entraide audit verify`.");
                return 1;
            }
            await stdout.WriteLineAsync($"{h.Sequence} {h.Hash}");
            return 0;
        }));
        audit.Subcommands.Add(head);
        return audit;
    }

    /// <summary>
    /// Runs a command whose failure must be a diagnosis, not a stack trace: a database that cannot be read
    /// (a table dropped, a value of the wrong type) or a missing key is reported in one line, exit code 2.
    /// </summary>
    private static async Task<int> DiagnosedAsync(string command, TextWriter stderr, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            var cause = ex.GetBaseException();
            var why = ReferenceEquals(cause, ex) ? ex.Message : $"{ex.Message} ({cause.Message})";
            await stderr.WriteLineAsync($"{command} failed: {why}");
            return 2;
        }
    }

    private static Command UserCommands(Option<string?> connection, Option<string?> provider, Func<string?, string?, IHost> buildHost,
        TextWriter stdout, TextWriter stderr)
    {
        var users = new Command("users", "Accounts.");
        var email = new Argument<string>("email") { Description = "The account's e-mail, also its user name." };
        var state = new Option<string?>("--state") { Description = "ISO 3166 alpha-3 code of the account's State; omit for the secretariat." };
        var roles = new Option<string[]>("--role")
        {
            Description = "A role (repeatable): " + string.Join(", ", Roles.All),
            AllowMultipleArgumentsPerToken = true,
            Required = true,
        };
        var name = new Option<string?>("--name") { Description = "Display name." };
        var password = new Option<string?>("--password") { Description = "Initial password; read from ENTRAIDE_PASSWORD when omitted." };
        var add = new Command("add", "Create an account.") { email, state, roles, name, password };
        add.SetAction(async (p, ct) =>
        {
            using var host = buildHost(p.GetValue(connection), p.GetValue(provider));
            await using var scope = host.Services.CreateAsyncScope();
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<EntraideUser>>();
            var (valid, stateCode, roleList) = await CheckStateAndRolesAsync(p.GetValue(state), p.GetValue(roles), stderr);
            if (!valid) return 2;
            var pw = p.GetValue(password) ?? Environment.GetEnvironmentVariable("ENTRAIDE_PASSWORD");
            if (string.IsNullOrEmpty(pw))
            {
                await stderr.WriteLineAsync("Give --password or set ENTRAIDE_PASSWORD.");
                return 2;
            }
            var address = p.GetValue(email)!;
            var user = new EntraideUser
            {
                UserName = address,
                Email = address,
                EmailConfirmed = true,
                StateCode = stateCode,
                DisplayName = p.GetValue(name) ?? address,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            var result = await manager.CreateAsync(user, pw);
            if (result.Succeeded) result = await manager.AddToRolesAsync(user, roleList);
            if (!result.Succeeded)
            {
                await stderr.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
                return 1;
            }
            var link = await scope.ServiceProvider.GetRequiredService<EnrolmentLinks>().IssueAsync(user);
            await ChainAsync(scope.ServiceProvider, ct);
            await stdout.WriteLineAsync($"Account {address} created for {stateCode ?? "the secretariat"} with roles {string.Join(", ", roleList)}.");
            await WriteLinkAsync(stdout, scope.ServiceProvider, link);
            return 0;
        });
        users.Subcommands.Add(add);

        var who = new Argument<string>("email") { Description = "The account's e-mail." };
        var reset = new Command("reset-authenticator",
            "Remove an account's authenticator (a lost or replaced telephone): two-factor sign-in off, its sessions ended, "
            + "and a new one-time enrolment link printed, without which no authenticator can be set up again.") { who };
        reset.SetAction(async (p, ct) =>
        {
            using var host = buildHost(p.GetValue(connection), p.GetValue(provider));
            await using var scope = host.Services.CreateAsyncScope();
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<EntraideUser>>();
            var address = p.GetValue(who)!;
            if (await manager.FindByEmailAsync(address) is not { } user)
            {
                await stderr.WriteLineAsync($"No account has the e-mail {address}.");
                return 1;
            }
            var link = await scope.ServiceProvider.GetRequiredService<EnrolmentLinks>().ResetAuthenticatorAsync(user);
            await ChainAsync(scope.ServiceProvider, ct);
            await stdout.WriteLineAsync($"The authenticator of {address} is removed and its sessions ended.");
            await WriteLinkAsync(stdout, scope.ServiceProvider, link);
            return 0;
        });
        users.Subcommands.Add(reset);

        var list = new Command("list", "List accounts.") { state };
        list.SetAction(async (p, ct) =>
        {
            using var host = buildHost(p.GetValue(connection), p.GetValue(provider));
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            var stateCode = p.GetValue(state)?.ToUpperInvariant();
            var q = db.Users.AsNoTracking();
            if (stateCode is not null) q = q.Where(u => u.StateCode == stateCode);
            foreach (var u in await q.OrderBy(u => u.StateCode).ThenBy(u => u.Email).ToListAsync(ct))
            {
                await stdout.WriteLineAsync($"{u.Email,-40} {u.StateCode ?? "UN",-4} 2FA:{(u.TwoFactorEnabled ? "on " : "off")} {u.DisplayName}");
            }
            return 0;
        });
        users.Subcommands.Add(list);
        return users;
    }

    /// <summary>The enrolment link to hand to the account's holder, absolute when <c>Entraide:PublicUrl</c> is set.</summary>
    private static async Task WriteLinkAsync(TextWriter stdout, IServiceProvider services, EnrolmentLink link)
    {
        var publicUrl = services.GetRequiredService<IConfiguration>()["Entraide:PublicUrl"];
        await stdout.WriteLineAsync($"Enrolment link (one use, until {link.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC): {link.Url(publicUrl)}");
        if (string.IsNullOrWhiteSpace(publicUrl))
            await stdout.WriteLineAsync("Prefix it with Entraide's address (set Entraide:PublicUrl to have it printed whole).");
        await stdout.WriteLineAsync("Give it to the account's holder only: with the password it sets up the authenticator, once.");
    }

    /// <summary>
    /// The <c>--state</c> and <c>--role</c> options of <c>users add</c> and <c>tokens create</c>: the State
    /// code upper-cased (null for the secretariat) and known roles only; says what is wrong otherwise.
    /// </summary>
    private static async Task<(bool Valid, string? StateCode, string[] Roles)> CheckStateAndRolesAsync(
        string? state, string[]? roles, TextWriter stderr)
    {
        var stateCode = state?.ToUpperInvariant();
        if (stateCode is not null && !Domain.Network.StateDirectory.Default.Exists(stateCode))
        {
            await stderr.WriteLineAsync($"No State has the code {stateCode}.");
            return (false, stateCode, []);
        }
        var roleList = roles ?? [];
        var unknown = roleList.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            await stderr.WriteLineAsync($"Unknown role(s): {string.Join(", ", unknown)}. Roles: {string.Join(", ", Roles.All)}.");
            return (false, stateCode, []);
        }
        return (true, stateCode, roleList);
    }

    private static Command TokenCommands(Option<string?> connection, Option<string?> provider, Func<string?, string?, IHost> buildHost,
        TextWriter stdout, TextWriter stderr)
    {
        var tokens = new Command("tokens", "API tokens for States' own systems.");
        var state = new Option<string?>("--state") { Description = "ISO 3166 alpha-3 code of the State; omit for the secretariat." };
        var roles = new Option<string[]>("--role") { Description = "A role (repeatable).", AllowMultipleArgumentsPerToken = true, Required = true };
        var name = new Argument<string>("name") { Description = "What the token is for, e.g. the system that will use it." };
        var create = new Command("create", "Issue a token; its secret is printed once.") { name, state, roles };
        create.SetAction(async (p, ct) =>
        {
            using var host = buildHost(p.GetValue(connection), p.GetValue(provider));
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            var (valid, stateCode, roleList) = await CheckStateAndRolesAsync(p.GetValue(state), p.GetValue(roles), stderr);
            if (!valid) return 2;
            var (token, secret) = ApiToken.Issue(p.GetValue(name)!, stateCode, roleList, "cli", DateTimeOffset.UtcNow);
            db.Add(token);
            scope.ServiceProvider.GetRequiredService<AuditRecorder>().Action = "trust.token.create";
            await db.SaveChangesAsync(ct);
            await ChainAsync(scope.ServiceProvider, ct);
            await stdout.WriteLineAsync(secret);
            return 0;
        });
        tokens.Subcommands.Add(create);

        var id = new Argument<Guid>("id");
        var revoke = new Command("revoke", "Revoke a token.") { id };
        revoke.SetAction(async (p, ct) =>
        {
            using var host = buildHost(p.GetValue(connection), p.GetValue(provider));
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.Id == p.GetValue(id), ct);
            if (token is null)
            {
                await stderr.WriteLineAsync("No such token.");
                return 1;
            }
            if (token.RevokedAt is null) token.Revoke(DateTimeOffset.UtcNow);
            scope.ServiceProvider.GetRequiredService<AuditRecorder>().Action = "trust.token.revoke";
            await db.SaveChangesAsync(ct);
            await ChainAsync(scope.ServiceProvider, ct);
            await stdout.WriteLineAsync($"Token {token.Name} revoked.");
            return 0;
        });
        tokens.Subcommands.Add(revoke);

        var list = new Command("list", "List tokens.") { state };
        list.SetAction(async (p, ct) =>
        {
            using var host = buildHost(p.GetValue(connection), p.GetValue(provider));
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            var stateCode = p.GetValue(state)?.ToUpperInvariant();
            var rows = await db.Set<ApiToken>().AsNoTracking().Where(t => stateCode == null || t.StateCode == stateCode).ToListAsync(ct);
            foreach (var t in rows.OrderBy(t => t.CreatedAt))
            {
                var status = t.RevokedAt is null ? "active " : "revoked";
                await stdout.WriteLineAsync($"{t.Id} {t.StateCode ?? "UN",-4} {t.Prefix}… {status} {t.Roles,-30} {t.Name}");
            }
            return 0;
        });
        tokens.Subcommands.Add(list);
        return tokens;
    }

    private static async Task<AuditChaining> ChainAsync(IServiceProvider services, CancellationToken ct) =>
        await AuditChainer.ChainPendingAsync(services.GetRequiredService<EntraideDbContext>(), services.GetRequiredService<AuditKeys>(), ct);

    /// <summary>The server's services without its web server, acting as the system.</summary>
    private static IHost BuildHost(string? connection, string? provider, string[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false, Args = [] });
        foreach (var setting in settings)
        {
            var at = setting.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0) throw new ArgumentException($"--set {setting}: give Key=Value.");
            builder.Configuration[setting[..at].Trim()] = setting[(at + 1)..];
        }
        if (connection is not null) builder.Configuration["ConnectionStrings:Entraide"] = connection;
        if (provider is not null) builder.Configuration["Database:Provider"] = provider;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        EntraideHost.AddEntraideCore(builder.Services, builder.Configuration);
        var host = builder.Build();
        return host;
    }
}
