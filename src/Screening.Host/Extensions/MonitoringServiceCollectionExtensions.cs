using Microsoft.Extensions.Options;
using Screening.Grains.Monitoring;

namespace Screening.Host.Extensions;

/// <summary>Registers continuous monitoring: its options (validated at start-up), its store and the start-up ping of the dispatcher.</summary>
public static class MonitoringServiceCollectionExtensions
{
    /// <summary>Adds monitoring's services.</summary>
    public static IServiceCollection AddPlatformMonitoring(this IServiceCollection services)
    {
        services.AddOptions<MonitoringOptions>()
            .BindConfiguration(MonitoringOptions.SectionName)
            .Validate(o => o.Shards is >= 1 and <= 1024, "Monitoring:Shards must be 1..1024")
            .Validate(o => o.DispatchDelay > TimeSpan.Zero && o.RetryInterval > TimeSpan.Zero && o.WatchPollInterval > TimeSpan.Zero, "Monitoring:DispatchDelay, RetryInterval and WatchPollInterval must be positive")
            .Validate(o => o.MaxMatchesPerShard is >= 1 and <= 10_000, "Monitoring:MaxMatchesPerShard must be 1..10000")
            .ValidateOnStart();
        services.AddSingleton<MonitoringStore>();
        services.AddSingleton<MonitoringStartup>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<MonitoringStartup>());
        return services;
    }
}
