using System.IO.Compression;
using Google.Protobuf;
using Grpc.Core;
using Screening.Contracts.V1;
using Screening.LoadTests.Data;

namespace Screening.LoadTests.Setup;

/// <summary>Creates the generator's jurisdictions, lists, tenants and keys through the public API (operator key).</summary>
public sealed class PlatformSetup(PlatformConnection connection, string operatorKey, TextWriter log)
{
    private const int ChunkBytes = 256 * 1024;
    private readonly Metadata _operator = PlatformConnection.Bearer(operatorKey);

    public ListAdminService.ListAdminServiceClient Lists => new(connection.Admin);

    public Metadata OperatorHeaders => _operator;

    public async Task EnsureJurisdictionAsync(string code, string name, CancellationToken ct) =>
        await Lists.CreateJurisdictionAsync(new CreateJurisdictionRequest { Code = code, Name = name, Authority = "load test" }, _operator, cancellationToken: ct);

    /// <summary>Imports a generated list (nothing changes when it is already there).</summary>
    public async Task<ImportListResponse> ImportAsync(GeneratedList list, CancellationToken ct)
    {
        await EnsureJurisdictionAsync(list.Jurisdiction, "Load test " + list.Jurisdiction, ct);
        return await ImportFileAsync(list.ListId, "national-json", list.ToNationalJson(), ct);
    }

    /// <summary>Imports the UN consolidated list and the OFAC SDN CSV set from the shared data folder, when present.</summary>
    public async Task<IReadOnlyList<string>> ImportOfficialAsync(string folder, CancellationToken ct)
    {
        var imported = new List<string>();
        var un = Path.Combine(folder, "un", "consolidated.xml");
        if (File.Exists(un))
        {
            await EnsureJurisdictionAsync("UN", "United Nations Security Council", ct);
            var r = await ImportFileAsync("UN/consolidated", "un-xml", await File.ReadAllBytesAsync(un, ct), ct);
            log.WriteLine($"  imported UN/consolidated: version {r.Version} (+{r.Added}, {r.Unchanged} unchanged)");
            imported.Add("UN");
        }

        var ofac = Directory.Exists(Path.Combine(folder, "ofac"))
            ? Directory.GetDirectories(Path.Combine(folder, "ofac"), "sdn_csv_*").Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (ofac is not null)
        {
            using var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var name in new[] { "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv" })
                {
                    if (File.Exists(Path.Combine(ofac, name)))
                    {
                        archive.CreateEntryFromFile(Path.Combine(ofac, name), name);
                    }
                }
            }

            await EnsureJurisdictionAsync("US", "United States (OFAC)", ct);
            var r = await ImportFileAsync("US/sdn", "ofac-sdn-csv", zip.ToArray(), ct);
            log.WriteLine($"  imported US/sdn: version {r.Version} (+{r.Added}, {r.Unchanged} unchanged)");
            imported.Add("US");
        }

        return imported;
    }

    /// <summary>Creates a tenant with the given subscriptions and issues it a screening key.</summary>
    /// <remarks>A generated list is subscribed by list id, so lists of earlier runs in the same jurisdiction stay out.</remarks>
    public async Task<TenantAccess> CreateTenantAsync(string tenantId, IReadOnlyCollection<string> listIdsOrJurisdictions, CancellationToken ct)
    {
        var admin = new TenantAdminService.TenantAdminServiceClient(connection.Admin);
        var request = new CreateTenantRequest { TenantId = tenantId, DisplayName = "Load test " + tenantId };
        var jurisdictions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in listIdsOrJurisdictions)
        {
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            var subscription = new Subscription { Jurisdiction = slash < 0 ? item : item[..slash] };
            if (slash >= 0)
            {
                subscription.ListIds.Add(item);
            }

            request.Subscriptions.Add(subscription);
            jurisdictions.Add(subscription.Jurisdiction);
        }

        await admin.CreateTenantAsync(request, _operator, cancellationToken: ct);
        var key = await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = tenantId, Role = ApiKeyRole.Screening, Label = "load test" }, _operator, cancellationToken: ct);
        return new TenantAccess(tenantId, PlatformConnection.Bearer(key.Secret), jurisdictions);
    }

    private async Task<ImportListResponse> ImportFileAsync(string listId, string format, byte[] content, CancellationToken ct)
    {
        using var call = Lists.ImportList(_operator, deadline: DateTime.UtcNow.AddMinutes(10), cancellationToken: ct);
        await call.RequestStream.WriteAsync(new ImportListChunk { Header = new ImportHeader { ListId = listId, Format = format, SourceReference = "load test" } }, ct);
        for (var offset = 0; offset < content.Length; offset += ChunkBytes)
        {
            var length = Math.Min(ChunkBytes, content.Length - offset);
            await call.RequestStream.WriteAsync(new ImportListChunk { Data = ByteString.CopyFrom(content, offset, length) }, ct);
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }
}
