using Entraide.App.Infrastructure.Persistence;
using Npgsql;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>The PostgreSQL connection settings the server adds, and those it leaves to the operator.</summary>
public sealed class PostgresDefaultsTests
{
    [Fact]
    public void Unset_PreparesFrequentStatements_AndDoesNotResetPooledConnections()
    {
        var b = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithServerDefaults("Host=db;Database=entraide;Username=app;Password=secret"));
        Assert.Equal(64, b.MaxAutoPrepare);
        Assert.True(b.NoResetOnClose);
        Assert.Equal("secret", b.Password);
        Assert.Equal("entraide", b.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;MaxAutoPrepare=0;NoResetOnClose=false")]
    [InlineData("host=db;max auto prepare=0;no reset on close=false")]
    public void Set_IsKeptAsGiven(string cs)
    {
        var b = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithServerDefaults(cs));
        Assert.Equal(0, b.MaxAutoPrepare);
        Assert.False(b.NoResetOnClose);
    }
}
