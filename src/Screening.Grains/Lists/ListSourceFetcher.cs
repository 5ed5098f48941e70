using System.Net;
using System.Net.Http.Headers;

namespace Screening.Grains.Lists;

/// <summary>Fetches a list file with a conditional GET (If-None-Match / If-Modified-Since), bounded in size.</summary>
public sealed class ListSourceFetcher(IHttpClientFactory clients)
{
    /// <summary>Name of the HTTP client used for list sources.</summary>
    public const string ClientName = "list-sources";

    /// <summary>Largest file fetched (the same bound as uploads). Default 64 MiB.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The result of a fetch: not modified, or the content with its validators.</summary>
    public sealed record Fetched(bool NotModified, byte[] Content, string? ETag, DateTimeOffset? LastModified);

    /// <summary>Fetches <paramref name="url"/> unless it is unchanged since the given validators.</summary>
    public async Task<Fetched> FetchAsync(string url, string? etag, DateTimeOffset? lastModified, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (lastModified is not null)
        {
            request.Headers.IfModifiedSince = lastModified;
        }

        using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new Fetched(true, [], etag, lastModified);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        if (response.Content.Headers.ContentLength > MaxBytes)
        {
            throw new HttpRequestException($"GET {url}: the file is larger than {MaxBytes} bytes");
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new HttpRequestException($"GET {url}: the file is larger than {MaxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return new Fetched(false, buffer.ToArray(), response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
    }
}
