using System.Diagnostics;
using System.Net;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// The data-protection keys live in the database, encrypted with the configured certificate: every instance
/// on one database reads the others' cookies and secrets, and nothing is written beside the program.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DataProtectionKeysTests(AppFixture fixture)
{
    private const string Purpose = "Entraide.Tests.KeySharing";

    [Theory, ClassData(typeof(Databases))]
    public async Task TwoInstances_OnOneDatabase_ReadEachOthersPayloadsAndSessions(Db db)
    {
        var first = fixture.App(db);
        await using var second = first.Derive(_ => { });

        var secret = "webhook secret " + Guid.NewGuid();
        var protectedByFirst = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect(secret);
        Assert.Equal(secret, second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(protectedByFirst));
        var protectedBySecond = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect(secret);
        Assert.Equal(secret, first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(protectedBySecond));

        // A session opened on one instance is honoured by the other.
        var email = await SessionCookies.NewDelegateAsync(first.Services, "SWE");
        var (_, cookie) = await SessionCookies.SignInAsync(SessionCookies.Client(first), email);
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.TryAddWithoutValidation("Cookie", cookie);
        var body = await SessionCookies.Client(second).SendAsync(me).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("SWE", body.GetProperty("state").GetString());

        // Nothing of it on disk: no Data Protection key file in the data folder (the folder's `keys` may hold
        // the audit and evidence keys, which are kept outside the database on purpose).
        Assert.Empty(Directory.GetFiles(first.DataDirectory, "key-*.xml", SearchOption.AllDirectories));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task WithACertificate_KeyRowsAreEncrypted_AndReadByAnotherInstanceWithIt(Db db)
    {
        await using var app = new TestApp(db);
        app.Settings[KeyStorage.CertificatePath] = TestCertificates.WritePfx(Path.Combine(app.DataDirectory, "kek"));
        app.Settings[KeyStorage.CertificatePassword] = TestCertificates.Password;
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var payload = production.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("confidential");
        var rows = await WithDbAsync(production.Services, d => d.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });

        await using var other = app.Derive(_ => { });
        Assert.Equal("confidential", other.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(payload));
    }

    [Fact]
    public async Task WithoutACertificate_KeyRowsAreInTheClear()
    {
        var app = fixture.App(Db.Sqlite);
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("x");
        var rows = await WithDbAsync(app.Services, d => d.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());
        Assert.Contains(rows, xml => xml.Contains("<masterKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_WithoutACertificate_RefusesToStart()
    {
        var refused = await StartInProductionAsync(_ => { });
        Assert.Contains(KeyStorage.CertificatePath, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithAnUnreadableCertificate_RefusesToStart()
    {
        var refused = await StartInProductionAsync(c =>
        {
            c[KeyStorage.CertificatePath] = TestCertificates.WritePfx(Path.Combine(c["Entraide:DataDirectory"]!, "kek"));
            c[KeyStorage.CertificatePassword] = "not the password";
        });
        Assert.Contains("cannot be read", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Starts the host in Production as the server does, and returns why it refused.</summary>
    private static async Task<StartupRefusedException> StartInProductionAsync(Action<ConfigurationManager> configure)
    {
        var dir = Path.Combine(Path.GetTempPath(), "entraide-kek-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var app = Entraide.App.Infrastructure.Hosting.EntraideHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], b =>
            {
                b.Configuration["ConnectionStrings:Entraide"] = $"Data Source={Path.Combine(dir, "entraide.db")}";
                b.Configuration["Database:Provider"] = "sqlite";
                b.Configuration["Entraide:DataDirectory"] = dir;
                configure(b.Configuration);
            });
            await using (app)
            {
                var e = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
                return Assert.IsType<StartupRefusedException>(Innermost<StartupRefusedException>(e), exactMatch: true);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task TheServer_InProductionWithoutACertificate_ExitsWithAMessage()
    {
        var dir = Path.Combine(Path.GetTempPath(), "entraide-kek-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var psi = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "Entraide.App.dll")}\" --urls http://127.0.0.1:0")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = dir,
            };
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            psi.Environment["Entraide__DataDirectory"] = dir;
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await p.WaitForExitAsync(timeout.Token);
            }
            finally
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
            }
            Assert.NotEqual(0, p.ExitCode);
            Assert.Contains(KeyStorage.CertificatePath, await stderr, StringComparison.Ordinal);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public void TheDefaultDataFolder_IsTheUsersLocalData_NotTheCurrentFolder()
    {
        var settings = DatabaseSettings.From(new ConfigurationBuilder().Build());
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        Assert.Equal(Path.Combine(local, "Entraide"), settings.DataDirectory);
        Assert.NotEqual(Path.GetFullPath("data"), settings.DataDirectory);
        Assert.Equal(Path.Combine(settings.DataDirectory, "entraide.db"), settings.SqliteFile);
    }

    private static Exception? Innermost<T>(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is T) return x;
        return e is AggregateException a ? a.InnerExceptions.Select(Innermost<T>).FirstOrDefault(x => x is not null) : null;
    }

    private static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<EntraideDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<EntraideDbContext>());
    }
}
