using Npgsql;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class SessionSafeguardTests(PostgresFixture postgres)
{
    [Fact]
    public async Task WithSessionSafeguards_TransactionLeftIdle_IsEndedByTheServerAndItsLocksReleased()
    {
        // A silo partitioned from the database mid-transaction must not hold its row locks until the path heals.
        var cs = await postgres.CreateDatabaseAsync("idle");
        await using (var setup = new NpgsqlConnection(cs))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE chain_head (tenant text PRIMARY KEY, seq bigint); INSERT INTO chain_head VALUES ('t1', 0)", setup);
            await create.ExecuteNonQueryAsync();
        }

        var safeguarded = PlatformStorage.WithSessionSafeguards(cs);
        await using var stuck = new NpgsqlConnection(safeguarded);
        await stuck.OpenAsync();
        await using (var show = new NpgsqlCommand("SHOW idle_in_transaction_session_timeout", stuck))
        {
            Assert.Equal($"{PlatformStorage.IdleInTransactionTimeoutMs / 1000}s", await show.ExecuteScalarAsync());
        }

        await using var tx = await stuck.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT seq FROM chain_head WHERE tenant = 't1' FOR UPDATE", stuck, tx))
        {
            await lockRow.ExecuteScalarAsync();
        }

        // The holder goes silent. Another session waits for the row; the server ends the idle transaction and the
        // waiter gets the lock (no lock_timeout here, so without the safeguard this would wait forever).
        await using var other = new NpgsqlConnection(cs);
        await other.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE chain_head SET seq = seq + 1 WHERE tenant = 't1'", other) { CommandTimeout = 120 };
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    [Fact]
    public void WithSessionSafeguards_OperatorSetting_Wins()
    {
        var cs = PlatformStorage.WithSessionSafeguards("Host=db;Username=u;Password=p;Options=-c idle_in_transaction_session_timeout=60000;Tcp Keepalive Time=30");
        var builder = new NpgsqlConnectionStringBuilder(cs);
        Assert.StartsWith("-c idle_in_transaction_session_timeout=60000 ", builder.Options);
        Assert.DoesNotContain("idle_in_transaction_session_timeout=10000", builder.Options);
        Assert.Equal(30, builder.TcpKeepAliveTime);
        Assert.Equal(0, builder.KeepAlive);
    }
}
