using System.Collections.Immutable;
using System.IO.Compression;
using Screening.Grains.Abstractions;
using Screening.Grains.Abstractions.Lists;
using Screening.Grains.Abstractions.Tenants;
using Screening.Grains.Lists;
using Screening.Lists.Seed;

namespace Screening.Host.Seed;

/// <summary>Loads the demo seed and, optionally, official list files into an empty database through the grains.</summary>
public static class DemoData
{
    /// <summary>Id of the demo tenant.</summary>
    public const string DemoTenantId = "demo-bank";

    /// <summary>Loads what is missing; returns lines to print (what was loaded, the demo key when created).</summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(IGrainFactory grains, ListStore store, bool demo, string? officialFolder, string? demoKeyFile, CancellationToken ct)
    {
        var lines = new List<string>();
        var versions = await store.CurrentVersionsAsync(ct);
        if (demo && versions.Count == 0)
        {
            foreach (var j in DemoSeed.Jurisdictions)
            {
                await grains.GetGrain<IJurisdictionGrain>(GrainKeys.Jurisdiction(j.Code)).Define(j.Name, j.Authority);
            }

            foreach (var list in DemoSeed.Lists)
            {
                using var stream = list.Open();
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                var summary = await grains.GetGrain<IJurisdictionGrain>(GrainKeys.Jurisdiction(list.ListId.Jurisdiction))
                    .Import(new ImportRequest(list.ListId.Name, "national-json", buffer.ToArray(), null, "demo seed"));
                lines.Add($"  seed:           {summary.ListId} version {summary.Version} ({summary.Listed} designations)");
            }

            var tenant = grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(DemoTenantId));
            if (await tenant.Get() is null)
            {
                await tenant.Create("Demo Bank (Almaty)", [new TenantSubscription("KZ", []), new TenantSubscription("UN", [])], 0);
                var key = await tenant.IssueApiKey(ApiKeyRole.TenantAdmin, "demo key (printed at first start)");
                if (demoKeyFile is not null)
                {
                    await File.WriteAllTextAsync(demoKeyFile, key.Secret, ct);
                }

                lines.Add($"  demo tenant:    {DemoTenantId} (KZ + UN), tenant-admin key {key.Secret}");
            }
        }

        if (!string.IsNullOrWhiteSpace(officialFolder))
        {
            lines.AddRange(await ImportOfficialAsync(grains, versions, Path.GetFullPath(officialFolder), ct));
        }

        return lines;
    }

    private static async Task<IEnumerable<string>> ImportOfficialAsync(IGrainFactory grains, IReadOnlyDictionary<string, int> versions, string folder, CancellationToken ct)
    {
        var lines = new List<string>();
        if (!Directory.Exists(folder))
        {
            return [$"  official lists: folder '{folder}' (Seed:OfficialListsFolder) does not exist; nothing imported"];
        }

        var un = Path.Combine(folder, "un", "consolidated.xml");
        if (File.Exists(un) && (!versions.TryGetValue("UN/consolidated", out var v) || v <= 1))
        {
            await EnsureJurisdictionAsync(grains, "UN", ct);
            var summary = await grains.GetGrain<IJurisdictionGrain>(GrainKeys.Jurisdiction("UN"))
                .Import(new ImportRequest("consolidated", "un-xml", await File.ReadAllBytesAsync(un, ct), null, un));
            lines.Add($"  official:       {summary.ListId} version {summary.Version}: {summary.Message}");
        }

        var ofac = Directory.Exists(Path.Combine(folder, "ofac"))
            ? Directory.GetDirectories(Path.Combine(folder, "ofac"), "sdn_csv_*").Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (ofac is not null && File.Exists(Path.Combine(ofac, "sdn.csv")) && !versions.ContainsKey("US/sdn"))
        {
            await EnsureJurisdictionAsync(grains, "US", ct);
            using var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var name in new[] { "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv" })
                {
                    var file = Path.Combine(ofac, name);
                    if (File.Exists(file))
                    {
                        archive.CreateEntryFromFile(file, name);
                    }
                }
            }

            var summary = await grains.GetGrain<IJurisdictionGrain>(GrainKeys.Jurisdiction("US"))
                .Import(new ImportRequest("sdn", "ofac-sdn-csv", zip.ToArray(), null, ofac));
            lines.Add($"  official:       {summary.ListId} version {summary.Version}: {summary.Message}");
        }

        return lines;
    }

    private static async Task EnsureJurisdictionAsync(IGrainFactory grains, string code, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var grain = grains.GetGrain<IJurisdictionGrain>(GrainKeys.Jurisdiction(code));
        if (await grain.Get(DateOnly.MinValue) is null)
        {
            var known = DemoSeed.Jurisdictions.FirstOrDefault(j => j.Code == code);
            await grain.Define(known?.Name ?? code, known?.Authority ?? string.Empty);
        }
    }
}
