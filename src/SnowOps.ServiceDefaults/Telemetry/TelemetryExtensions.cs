using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SnowOps.ServiceDefaults.Hosting;

namespace SnowOps.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The name SnowOps' own traces and meters use.</summary>
    public const string SourceName = "SnowOps";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var settings = builder.SnowOpsSettings();
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"]
            ?? "snowops-" + string.Join('-', settings.Modules.Select(m => m.ToLowerInvariant()));

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", SourceName))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(TraceRatio(builder.Configuration))))
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("MassTransit", SourceName));

        // Export only where a collector is configured, so a laptop run sends nothing anywhere.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// <c>SnowOps:Telemetry:TraceRatio</c>: the share of traces recorded, from 0 to 1 (1, every trace, unless set). A trace
    /// begun elsewhere keeps its caller's choice. In a storm every message is a span or more; 0.01–0.1 keeps the cost of
    /// tracing small while the metrics still count everything.
    /// </summary>
    public static double TraceRatio(IConfiguration configuration)
    {
        var text = configuration["SnowOps:Telemetry:TraceRatio"];
        if (string.IsNullOrWhiteSpace(text))
            return 1;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) || ratio is < 0 or > 1 || double.IsNaN(ratio))
            throw new InvalidOperationException($"SnowOps:Telemetry:TraceRatio must be a number from 0 to 1, found '{text}'.");
        return ratio;
    }
}
