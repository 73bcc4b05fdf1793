using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Entraide.App.Tests.Infrastructure;
using Npgsql;

namespace Entraide.App.Tests.ScaleOut;

/// <summary>
/// Several real Entraide server processes (<c>dotnet Entraide.App.dll</c>, the build beside this test assembly)
/// on loopback ports, serving one fresh PostgreSQL database, as a secretariat runs them behind a load balancer.
/// They share the key-encryption certificate and the audit seal key, and nothing else: each has its own data
/// folder (search index). The first one migrates the database; the others start once it is ready.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "entraide-cluster-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly Dictionary<string, string> _settings;
    private readonly string _kek;

    private Cluster(IReadOnlyDictionary<string, string>? settings)
    {
        Directory.CreateDirectory(_dir);
        DatabaseName = "entraide_cluster_" + Guid.NewGuid().ToString("N")[..12];
        using (var conn = new NpgsqlConnection(Server))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {DatabaseName}";
            cmd.ExecuteNonQuery();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = DatabaseName }.ToString();
        _kek = TestCertificates.WritePfx(Path.Combine(_dir, "kek"));
        _settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
    }

    private static string Server => TestEnvironment.PostgresServer
        ?? throw new InvalidOperationException("These tests need PostgreSQL: set ENTRAIDE_TEST_POSTGRES.");

    public string DatabaseName { get; }
    public string ConnectionString { get; }
    public List<Instance> Instances { get; } = [];

    /// <summary>Starts <paramref name="count"/> instances and waits until each answers <c>Healthy</c>.</summary>
    public static async Task<Cluster> StartAsync(int count, IReadOnlyDictionary<string, string>? settings = null)
    {
        var cluster = new Cluster(settings);
        try
        {
            // The first migrates and seeds; the others then start together on the prepared database.
            await cluster.AddAsync();
            await Task.WhenAll(Enumerable.Range(1, count - 1).Select(_ => cluster.AddAsync()));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more instance on the same database.</summary>
    public async Task<Instance> AddAsync()
    {
        Instance instance;
        lock (Instances)
        {
            instance = new Instance(Instances.Count, Path.Combine(_dir, "instance-" + Instances.Count));
            Instances.Add(instance);
        }
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__Entraide"] = ConnectionString,
            ["Database__Provider"] = "postgres",
            ["Entraide__DataDirectory"] = instance.DataDirectory,
            // The reference register and the demo accounts, not the demo's requests: tests count what they create.
            ["Entraide__Demo"] = "true",
            ["Entraide__DemoContent"] = "false",
            ["Entraide__PasswordHashIterations"] = "1000",
            ["Entraide__SignInAttemptsPerMinute"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Entraide.App.Infrastructure.ScaleOut"] = "Information",
            // As in production, where the data-protection keys must be encrypted (one certificate for all instances).
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DataProtection__Certificate__Path"] = _kek,
            ["DataProtection__Certificate__Password"] = TestCertificates.Password,
        };
        foreach (var (k, v) in _settings) env[k.Replace(":", "__", StringComparison.Ordinal)] = v;
        instance.Start(env);
        await instance.WaitHealthyAsync();
        return instance;
    }

    /// <summary>The CLI, in-process, against the cluster's database.</summary>
    public Task<string> CliAsync(params string[] args) =>
        ServerProcess.CliAsync([.. args, "--connection", ConnectionString, "--provider", "postgres"]);

    /// <summary>One value read with plain SQL from the cluster's database.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>What each instance wrote to its console, for a failing test's message.</summary>
    public string Output() => string.Join("\n", Instances.Select(i => $"--- instance {i.Number} ---\n{i.Output()}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var i in Instances) await i.KillAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var conn = new NpgsqlConnection(Server))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>One server process of a <see cref="Cluster"/>.</summary>
public sealed class Instance(int number, string dataDirectory)
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public int Number { get; } = number;
    public string DataDirectory { get; } = dataDirectory;
    public int Port { get; } = ServerProcess.FreePort();
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public bool Running => _process is { HasExited: false };

    internal void Start(Dictionary<string, string> environment)
    {
        Directory.CreateDirectory(DataDirectory);
        var dll = Path.Combine(AppContext.BaseDirectory, "Entraide.App.dll");
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls {BaseAddress.ToString().TrimEnd('/')}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DataDirectory,
        };
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 400) _output.TryDequeue(out _);
    }

    public string Output() => string.Join("\n", _output);

    /// <summary>A client of this instance, cookies handled by hand and redirects not followed.</summary>
    public HttpClient Client(string? bearer = null)
    {
        var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (bearer is not null) http.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        return http;
    }

    internal async Task WaitHealthyAsync()
    {
        using var http = Client();
        http.Timeout = TimeSpan.FromSeconds(10);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (!Running) throw new InvalidOperationException($"Instance {Number} exited at start:\n{Output()}");
            if ((await ReadyAsync(http))?.Status == "Healthy") return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Instance {Number} did not become ready:\n{Output()}");
    }

    /// <summary>What <c>/health/ready</c> says now, or null when the instance does not answer.</summary>
    public async Task<Readiness?> ReadyAsync(HttpClient? client = null)
    {
        var http = client ?? Client();
        try
        {
            using var r = await http.GetAsync("/health/ready");
            var body = await r.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var held = root.TryGetProperty("backgroundLease", out var lease) && lease.GetProperty("held").GetBoolean();
            bool? listening = root.TryGetProperty("sharedChanges", out var shared) ? shared.GetProperty("listening").GetBoolean() : null;
            return new Readiness((int)r.StatusCode, root.GetProperty("status").GetString()!, held, listening);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
        finally
        {
            if (client is null) http.Dispose();
        }
    }

    /// <summary>A real kill (SIGKILL): no shutdown code runs, connections are dropped by the system.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>A graceful stop (SIGTERM, as a service manager sends): the host shuts down and releases what it holds.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(limit.Token);
    }

    public override string ToString() => new StringBuilder("instance ").Append(Number).Append(" :").Append(Port).ToString();
}

/// <summary>The status code and body of <c>/health/ready</c>.</summary>
public sealed record Readiness(int Code, string Status, bool HoldsLease, bool? Listening);

/// <summary>
/// A test that needs PostgreSQL (several server processes on one database): skipped without a server,
/// unless <c>ENTRAIDE_REQUIRE_POSTGRES=1</c>, which makes it run (and fail) instead.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestEnvironment.PostgresServer is null && !TestEnvironment.RequirePostgres)
            Skip = "PostgreSQL only (set ENTRAIDE_TEST_POSTGRES): several server processes share one database.";
    }
}
