using Screening.Grains.Abstractions.Lists;
using Screening.Grains.Indexing;
using Screening.Grains.Lists;
using Screening.Grains.Screening;

namespace Screening.Host.Extensions;

/// <summary>Registers the list store, this silo's index registry and the screening engine.</summary>
public static class ListsServiceCollectionExtensions
{
    /// <summary>Adds the lists and screening read path.</summary>
    public static IServiceCollection AddPlatformLists(this IServiceCollection services)
    {
        services.AddOptions<ListPropagationOptions>().BindConfiguration(ListPropagationOptions.SectionName);
        services.AddSingleton<ListStore>();
        services.AddHttpClient(ListSourceFetcher.ClientName, c => c.Timeout = TimeSpan.FromMinutes(2));
        services.AddSingleton<ListSourceFetcher>();
        services.AddSingleton<ListIndexRegistry>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ListIndexRegistry>());
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<ScreeningResultCache>();
        services.AddSingleton<ScreeningEngine>();
        return services;
    }
}
