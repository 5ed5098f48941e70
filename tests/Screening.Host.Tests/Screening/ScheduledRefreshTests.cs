using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Screening;

/// <summary>Scheduled refresh from a URL, against a local HTTP server started by the test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScheduledRefreshTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Document = """
        {
          "format": "national-json", "formatVersion": 1, "list": "KZ/refreshed",
          "title": "test list", "publicationDate": "2024-01-01",
          "designations": [
            { "id": "X1", "type": "entity", "names": [ { "name": "Example Front", "quality": "primary" } ],
              "revisions": [ { "kind": "listed", "effective": "2020-01-01", "legalBasis": "test" } ] }
          ]
        }
        """;

    private TestHost _host = null!;
    private WebApplication _server = null!;
    private string _body = Document;
    private int _requests;
    private int _port;
    private int _notModified;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(postgres);
        var builder = WebApplication.CreateSlimBuilder();
        _port = FreePorts.Next();
        builder.WebHost.ConfigureKestrel(o => o.Listen(System.Net.IPAddress.Loopback, _port));
        _server = builder.Build();
        _server.MapGet("/list.json", (HttpContext http) =>
        {
            Interlocked.Increment(ref _requests);
            var etag = $"\"{_body.GetHashCode(StringComparison.Ordinal).ToString("x", CultureInfo.InvariantCulture)}\"";
            if (http.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                Interlocked.Increment(ref _notModified);
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            http.Response.Headers.ETag = etag;
            return Results.Text(_body, "application/json");
        });
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task RefreshList_ChangedUnchangedBroken_ImportsOnceAndKeepsLastGoodVersion()
    {
        var lists = new ListAdminService.ListAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await lists.CreateJurisdictionAsync(new CreateJurisdictionRequest { Code = "KZ", Name = "Kazakhstan" });
        var url = $"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}/list.json";
        await lists.SetListSourceAsync(new SetListSourceRequest { ListId = "KZ/refreshed", Url = url, Format = "national-json", IntervalSeconds = 3600 });

        var first = await lists.RefreshListAsync(new RefreshListRequest { ListId = "KZ/refreshed" });
        var second = await lists.RefreshListAsync(new RefreshListRequest { ListId = "KZ/refreshed" });
        _body = "{ \"format\": \"national-json\", \"designations\": [ {";
        var broken = await lists.RefreshListAsync(new RefreshListRequest { ListId = "KZ/refreshed" });

        Assert.True(first.Imported, first.List.LastError);
        Assert.Equal(1, first.List.Version);
        Assert.Equal(1, first.Import.Added);
        Assert.False(second.Imported);
        Assert.Equal(1, _notModified);
        Assert.False(broken.Imported);
        Assert.Equal(1, broken.List.Version);
        Assert.Equal(1, broken.List.InForce);
        Assert.False(string.IsNullOrEmpty(broken.List.LastError));
        Assert.Equal(3, _requests);
    }

    [Fact]
    public async Task RefreshList_ServerDown_RecordsErrorAndKeepsVersion()
    {
        var lists = new ListAdminService.ListAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await lists.CreateJurisdictionAsync(new CreateJurisdictionRequest { Code = "KZ", Name = "Kazakhstan" });
        await lists.SetListSourceAsync(new SetListSourceRequest { ListId = "KZ/down", Url = $"http://127.0.0.1:{FreePorts.Next()}/gone.json", Format = "national-json", IntervalSeconds = 3600 });

        var result = await lists.RefreshListAsync(new RefreshListRequest { ListId = "KZ/down" });

        Assert.False(result.Imported);
        Assert.Equal(0, result.List.Version);
        Assert.StartsWith("refresh failed:", result.List.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.org/list", "national-json", 3600, "url")]
    [InlineData("http://127.0.0.1/list", "nope", 3600, "format")]
    [InlineData("http://127.0.0.1/list", "national-json", 10, "interval")]
    public async Task SetListSource_BadInput_IsInvalidArgumentNamingTheField(string url, string format, long interval, string field)
    {
        var lists = new ListAdminService.ListAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await lists.CreateJurisdictionAsync(new CreateJurisdictionRequest { Code = "KZ", Name = "Kazakhstan" });

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await lists.SetListSourceAsync(new SetListSourceRequest { ListId = "KZ/bad", Url = url, Format = format, IntervalSeconds = interval }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail, StringComparison.Ordinal);
    }
}
