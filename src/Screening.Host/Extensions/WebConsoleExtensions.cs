using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Screening.Api.Security;
using Screening.Grains.Abstractions.Tenants;

namespace Screening.Host.Extensions;

/// <summary>
/// The web console for tenant admins: static files embedded in this assembly (no CDN, works offline) under
/// <c>/console/</c>, and <c>GET /v1/session</c>, which tells the console whose key it holds. Everything else the
/// console does goes through the REST/JSON transcoding of the gRPC services, with the same bearer key.
/// </summary>
public static class WebConsoleExtensions
{
    /// <summary>Where the console is served.</summary>
    public const string Path = "/console";

    /// <summary>Maps the console's files and its session endpoint.</summary>
    public static WebApplication MapWebConsole(this WebApplication app)
    {
        // Resources are embedded flat as "webconsole.<file>" (see the .csproj).
        var files = new EmbeddedFileProvider(typeof(WebConsoleExtensions).Assembly, "webconsole");
        // Not an endpoint: routing ignores a trailing slash, so "/console" and "/console/" would both match it.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value == Path)
            {
                context.Response.Redirect(Path + "/");
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = Path, FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Path,
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = c =>
            {
                c.Context.Response.Headers.CacheControl = "no-cache";
                c.Context.Response.Headers["Content-Security-Policy"] = "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:";
                c.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });
        app.MapGet("/v1/session", async (HttpRequest request, ApiKeyAuthenticator authenticator) =>
        {
            var header = request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            {
                return Results.Json(new { code = 16, message = "missing 'authorization: Bearer <api-key>' header" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            var caller = await authenticator.AuthenticateAsync(header[7..].Trim());
            if (caller is null)
            {
                return Results.Json(new { code = 16, message = "unknown or revoked API key" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            var role = caller.Role switch
            {
                ApiKeyRole.Operator => "operator",
                ApiKeyRole.TenantAdmin => "tenant-admin",
                _ => "screening",
            };
            return Results.Json(new { tenantId = caller.TenantId, role, keyId = caller.KeyId });
        });
        return app;
    }
}
