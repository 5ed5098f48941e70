using Microsoft.Extensions.Options;
using Screening.Grains.Audit;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Audit;

/// <summary>Audit settings are checked when the host starts.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditOptionsTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("Audit:MaxBatchSize", "0")]
    [InlineData("Audit:RetentionDays", "-1")]
    [InlineData("Audit:FlushInterval", "00:00:05")]
    public async Task HostStart_InvalidAuditSetting_FailsNamingIt(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
            await TestHost.StartAsync(postgres, new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new AuditOptionsValidator().Validate(null, new AuditOptions()).Succeeded);
    }
}
