using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Screening.Grains.Audit;

namespace Screening.Host.Extensions;

/// <summary>Registers the audit log: its options, connection pool, writer, reader and retention service.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IAuditLog"/> (one group-commit writer per silo), <see cref="IAuditReader"/>, the partition
    /// maintenance and the retention background service, on their own pool to <paramref name="connectionString"/>.
    /// <see cref="AuditOptions"/> are bound from section <c>Audit</c> and validated at start-up.
    /// </summary>
    public static IServiceCollection AddPlatformAudit(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AuditDatabase(connectionString, sp.GetRequiredService<IOptions<AuditOptions>>().Value.WriteTimeout));
        services.AddSingleton<GroupCommitAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<GroupCommitAuditLog>());
        services.AddSingleton<IAuditReader, PostgresAuditReader>();
        services.AddSingleton<AuditPartitionMaintenance>();
        services.AddHostedService<AuditRetentionService>();
        return services;
    }
}
