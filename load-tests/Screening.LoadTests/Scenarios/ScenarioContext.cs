using System.Globalization;
using Screening.Contracts.V1;
using Screening.LoadTests.Data;
using Screening.LoadTests.Options;
using Screening.LoadTests.Setup;

namespace Screening.LoadTests.Scenarios;

/// <summary>
/// Everything the scenarios share, set up once per run through the public API: the generated lists (one large
/// list LTA/generated-N, two small ones in LTB and LTC), optionally the official UN and OFAC lists, and the main
/// tenant (subscribed to the large list and the official ones) with its prepared subject mix.
/// </summary>
public sealed class ScenarioContext
{
    private readonly ScreeningService.ScreeningServiceClient[] _clients;

    private ScenarioContext(LoadOptions options, PlatformConnection connection, PlatformSetup setup, TextWriter log)
    {
        Options = options;
        Connection = connection;
        Setup = setup;
        Log = log;
        _clients = [.. Enumerable.Range(0, connection.Count).Select(i => new ScreeningService.ScreeningServiceClient(connection.For(i)))];
    }

    public LoadOptions Options { get; }

    public PlatformConnection Connection { get; }

    public PlatformSetup Setup { get; }

    public TextWriter Log { get; }

    public GeneratedList MainList { get; private set; } = null!;

    public IReadOnlyList<GeneratedList> SmallLists { get; private set; } = [];

    public IReadOnlySet<string> GeneratedListIds { get; private set; } = new HashSet<string>();

    public IReadOnlyList<string> OfficialJurisdictions { get; private set; } = [];

    public TenantAccess MainTenant { get; private set; } = null!;

    public PlannedRequest[] MainPool { get; private set; } = [];

    /// <summary>Names the generator itself put in the indexes its main tenant screens against (all scripts).</summary>
    public int GeneratedNames => MainList.NameCount;

    /// <summary>The screening client of caller <paramref name="caller"/>.</summary>
    public ScreeningService.ScreeningServiceClient Client(int caller) => _clients[caller % _clients.Length];

    public string TenantId(string suffix) => $"lt-{Options.RunId}-{suffix}".ToLowerInvariant();

    public static async Task<ScenarioContext> CreateAsync(LoadOptions options, PlatformConnection connection, TextWriter log, CancellationToken ct)
    {
        var setup = new PlatformSetup(connection, options.OperatorKey!, log);
        var context = new ScenarioContext(options, connection, setup, log);
        await context.InitializeAsync(ct);
        return context;
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        MainList = GeneratedList.Create("LTA/generated-" + Options.ListSize.ToString(CultureInfo.InvariantCulture), Options.ListSize, seed: 1);
        SmallLists =
        [
            GeneratedList.Create("LTB/generated-" + Options.SmallListSize.ToString(CultureInfo.InvariantCulture), Options.SmallListSize, seed: 2),
            GeneratedList.Create("LTC/generated-" + Options.SmallListSize.ToString(CultureInfo.InvariantCulture), Options.SmallListSize, seed: 3),
        ];
        GeneratedListIds = new HashSet<string>([MainList.ListId, .. SmallLists.Select(l => l.ListId)], StringComparer.Ordinal);
        foreach (var list in new[] { MainList }.Concat(SmallLists))
        {
            var r = await Setup.ImportAsync(list, ct);
            Log.WriteLine($"  list {list.ListId}: {list.Designations.Count} designations, {list.NameCount} names; version {r.Version} ({(r.Changed ? "imported" : "already there")})");
        }

        if (Options.OfficialListsFolder is { } folder)
        {
            OfficialJurisdictions = await Setup.ImportOfficialAsync(folder, ct);
        }

        MainTenant = await Setup.CreateTenantAsync(TenantId("main"), [MainList.ListId, .. OfficialJurisdictions], ct);
        MainPool = SubjectMix.Create(Options.PoolSize, Options.HitRatio, [MainList], new HashSet<string>([MainList.Jurisdiction], StringComparer.Ordinal), seed: 11);
        Log.WriteLine($"  tenant {MainTenant.TenantId}: {string.Join(", ", MainTenant.Jurisdictions.Order(StringComparer.Ordinal))}; set-up took {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s");
    }
}
