using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Screening.Grains.Telemetry;

namespace Screening.Host.Extensions;

/// <summary>
/// OpenTelemetry for the platform: traces from gRPC (ASP.NET Core) through grain calls (Orleans activity
/// propagation) to PostgreSQL (Npgsql) with the platform's own spans; metrics of the platform, Orleans, Npgsql and
/// ASP.NET Core. With an OTLP endpoint (<c>Telemetry:OtlpEndpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) traces,
/// metrics and logs go there; otherwise metrics are served as Prometheus text on <c>/metrics</c> of the HTTP port,
/// and traces are only collected when <c>Telemetry:ConsoleExporter=true</c> prints them. Logs carry trace and span ids.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    private const string GrpcAttributesSwitch = "OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_ENABLE_GRPC_INSTRUMENTATION";

    /// <summary>Registers tracing, metrics and trace-correlated logging.</summary>
    public static WebApplicationBuilder AddPlatformTelemetry(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var otlp = config["Telemetry:OtlpEndpoint"] ?? config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var console = config.GetValue("Telemetry:ConsoleExporter", false);
        var ratio = config.GetValue("Telemetry:TraceSampleRatio", 1.0);
        config[GrpcAttributesSwitch] ??= "true";

        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config.GetValue("Telemetry:ServiceName", "screening-platform")!, serviceInstanceId: config["Orleans:SiloPort"]))
            .WithMetrics(m =>
            {
                m.AddMeter(PlatformTelemetry.Name, "Microsoft.Orleans", "Npgsql").AddAspNetCoreInstrumentation();
                if (otlp is not null)
                {
                    m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
                else
                {
                    m.AddPrometheusExporter();
                }
            });

        if (otlp is not null || console)
        {
            otel.WithTracing(t =>
            {
                t.SetSampler(new RequestRootSampler(ratio))
                    .AddSource(PlatformTelemetry.Name, "Microsoft.Orleans.Application", "Npgsql")
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsPlumbing(http.Request.Path));
                if (otlp is not null)
                {
                    t.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }

                if (console)
                {
                    t.AddConsoleExporter();
                }
            });
        }

        if (otlp is not null)
        {
            otel.WithLogging(l => l.AddOtlpExporter(o => o.Endpoint = new Uri(otlp)), o => o.IncludeScopes = true);
        }

        return builder;
    }

    /// <summary>Serves <c>/metrics</c> (Prometheus text) on the HTTP/1.1 port when no OTLP endpoint is configured.</summary>
    public static WebApplication MapPlatformMetrics(this WebApplication app)
    {
        if (app.Configuration["Telemetry:OtlpEndpoint"] is null && app.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is null)
        {
            var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
            if (Uri.TryCreate(app.Configuration["Kestrel:Endpoints:Http:Url"], UriKind.Absolute, out var http) && http.Port > 0)
            {
                endpoint.RequireHost("*:" + http.Port.ToString(CultureInfo.InvariantCulture));
            }
        }

        return app;
    }

    private static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments("/metrics", StringComparison.Ordinal)
        || path.StartsWithSegments("/healthz", StringComparison.Ordinal)
        || path.StartsWithSegments("/readyz", StringComparison.Ordinal)
        || path.StartsWithSegments("/grpc.health.v1.Health", StringComparison.Ordinal);

    /// <summary>
    /// Follows the parent's decision; of root spans keeps only requests (server spans) and the platform's own work
    /// (internal spans: audit flushes, index swaps, imports), at the configured ratio. Roots that are database polls
    /// (Npgsql client spans of membership, reminders and list-version polling) or Orleans timer calls are dropped:
    /// they would drown the traces that matter.
    /// </summary>
    private sealed class RequestRootSampler(double ratio) : Sampler
    {
        private readonly TraceIdRatioBasedSampler _ratio = new(ratio);

        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
        {
            if (samplingParameters.ParentContext.TraceId != default)
            {
                return new SamplingResult((samplingParameters.ParentContext.TraceFlags & ActivityTraceFlags.Recorded) != 0);
            }

            return samplingParameters.Kind is ActivityKind.Server or ActivityKind.Internal
                ? _ratio.ShouldSample(samplingParameters)
                : new SamplingResult(false);
        }
    }
}
