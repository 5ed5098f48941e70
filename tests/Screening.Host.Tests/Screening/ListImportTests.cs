using Google.Protobuf;
using Grpc.Core;
using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Screening;

/// <summary>Importing official files over gRPC: all or nothing, no-op on identical content, history per designation.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ListImportTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestHost _host = null!;
    private ListAdminService.ListAdminServiceClient _lists = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(postgres);
        _lists = new ListAdminService.ListAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await _lists.CreateJurisdictionAsync(new CreateJurisdictionRequest { Code = "UN", Name = "United Nations Security Council", Authority = "UNSC" });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();


    private async Task<ImportListResponse> ImportAsync(byte[] content, string format = "un-xml", string listId = "UN/consolidated")
    {
        using var call = _lists.ImportList();
        await call.RequestStream.WriteAsync(new ImportListChunk { Header = new ImportHeader { ListId = listId, Format = format, SourceReference = "test" } });
        for (var offset = 0; offset < content.Length; offset += 256 * 1024)
        {
            await call.RequestStream.WriteAsync(new ImportListChunk { Data = ByteString.CopyFrom(content, offset, Math.Min(256 * 1024, content.Length - offset)) });
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }

    [Fact]
    public async Task ImportList_Un2016ThenUn2026_CountsRevisionsAndKeepsHistory()
    {
        var old = await ImportAsync(await File.ReadAllBytesAsync(SharedData.ListFile("un/un_consolidated_excerpt_2016-02-11.xml")));
        var current = await ImportAsync(await File.ReadAllBytesAsync(SharedData.ListFile("un/consolidated.xml")));
        var again = await ImportAsync(await File.ReadAllBytesAsync(SharedData.ListFile("un/consolidated.xml")));
        var list = await _lists.GetListAsync(new GetListRequest { ListId = "UN/consolidated" });

        Assert.Equal(239, old.Added);
        Assert.Equal(1, old.Version);
        Assert.Equal(2, current.Version);
        Assert.Equal(770, current.Added);
        Assert.Equal(6, current.Delisted);
        Assert.Equal(233, current.Amended + current.Unchanged);
        Assert.False(again.Changed);
        Assert.Equal(2, again.Version);
        Assert.Equal(2, list.Version);
        Assert.Equal(1003, list.InForce);
        Assert.Equal(1009, list.Total);
    }

    [Fact]
    public async Task ImportList_TruncatedFile_IsRejectedWithPositionAndChangesNothing()
    {
        var full = await File.ReadAllBytesAsync(SharedData.ListFile("un/consolidated.xml"));
        await ImportAsync(full);

        var error = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(full[..(full.Length / 2)]));
        var list = await _lists.GetListAsync(new GetListRequest { ListId = "UN/consolidated" });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Matches("^file: line [0-9]+", error.Status.Detail);
        Assert.Contains("nothing was changed", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, list.Version);
        Assert.Equal(1003, list.InForce);
        Assert.False(string.IsNullOrEmpty(list.LastError));
    }

    [Theory]
    [InlineData("no-such-format", "un-xml")]
    [InlineData("un-xml", "")]
    public async Task ImportList_UnknownFormatOrEmptyFile_IsInvalidArgument(string format, string expectedInMessage)
    {
        var content = expectedInMessage.Length == 0 ? [] : "<CONSOLIDATED_LIST/>"u8.ToArray();

        var error = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(content, format));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expectedInMessage.Length == 0 ? "empty" : expectedInMessage, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordDesignationThenDelisting_HistoryIsQueryable()
    {
        await _lists.CreateJurisdictionAsync(new CreateJurisdictionRequest { Code = "KZ", Name = "Kazakhstan", Authority = "AFM" });
        var listed = await _lists.RecordDesignationAsync(new RecordDesignationRequest
        {
            ListId = "KZ/terrorist-organisations",
            EffectiveDate = "2005-03-15",
            LegalBasis = "Supreme Court decision of 15 March 2005",
            Designation = new DesignationInput { SourceId = "TALIBAN", Type = SubjectType.Entity, Names = { new DesignationName { FullName = "Taliban" } } },
        });
        var delisted = await _lists.RecordDelistingAsync(new RecordDelistingRequest
        {
            DesignationId = "KZ/terrorist-organisations/TALIBAN",
            EffectiveDate = "2023-12-29",
            Reason = "the UN Security Council does not list the movement as terrorist",
        });
        var again = await Assert.ThrowsAsync<RpcException>(async () => await _lists.RecordDelistingAsync(new RecordDelistingRequest
        {
            DesignationId = "KZ/terrorist-organisations/TALIBAN",
            EffectiveDate = "2023-12-30",
        }));

        var detail = await _lists.GetDesignationAsync(new GetDesignationRequest { DesignationId = "KZ/terrorist-organisations/TALIBAN" });
        var revisions = await _lists.ListRevisionsAsync(new ListRevisionsRequest { ListId = "KZ/terrorist-organisations", SinceVersion = 1 });

        Assert.Equal(1, listed.Version);
        Assert.Equal(2, delisted.Version);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal("Taliban", detail.Designation.Names[0].FullName);
        Assert.Equal(["listed", "delisted"], detail.Revisions.Select(r => r.Kind));
        Assert.Equal("2023-12-29", detail.Revisions[1].EffectiveDate);
        Assert.Equal("delisted", Assert.Single(revisions.Revisions).Kind);
    }

    [Fact]
    public async Task ListAdmin_ChangesWithTenantKeyOrReadsWithScreeningKey_ArePermissionDenied()
    {
        // Since issue 9 a tenant-admin key may read the (public) lists for the web console; changes stay the operator's.
        var admin = new TenantAdminService.TenantAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = "not-operator", DisplayName = "N" });
        var adminKey = await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "not-operator", Role = ApiKeyRole.TenantAdmin });
        var screeningKey = await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "not-operator", Role = ApiKeyRole.Screening });
        var asAdmin = new ListAdminService.ListAdminServiceClient(_host.Channel(adminKey.Secret));
        var asScreening = new ListAdminService.ListAdminServiceClient(_host.Channel(screeningKey.Secret));

        var create = await Assert.ThrowsAsync<RpcException>(async () => await asAdmin.CreateJurisdictionAsync(new CreateJurisdictionRequest { Code = "ZZ", Name = "Z" }));
        var delist = await Assert.ThrowsAsync<RpcException>(async () => await asAdmin.RecordDelistingAsync(new RecordDelistingRequest { DesignationId = "KZ/x/y", EffectiveDate = "2024-01-01" }));
        var read = await Assert.ThrowsAsync<RpcException>(async () => await asScreening.ListJurisdictionsAsync(new ListJurisdictionsRequest()));
        var adminRead = await asAdmin.ListJurisdictionsAsync(new ListJurisdictionsRequest());

        Assert.Equal(StatusCode.PermissionDenied, create.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, delist.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        Assert.NotNull(adminRead);
    }
}
