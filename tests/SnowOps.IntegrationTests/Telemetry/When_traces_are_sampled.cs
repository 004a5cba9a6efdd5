using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using SnowOps.ServiceDefaults.Telemetry;

namespace SnowOps.IntegrationTests.Telemetry;

/// <summary><c>SnowOps:Telemetry:TraceRatio</c>: how many of the traces a host begins it records.</summary>
public sealed class When_traces_are_sampled
{
    // A source of this class's own: hosts of other specs running beside these listen to SnowOps' and MassTransit's.
    static readonly ActivitySource source = new("SnowOps.Specs." + nameof(When_traces_are_sampled));

    [Theory]
    [InlineData(null, 1.0)]
    [InlineData("", 1.0)]
    [InlineData("0", 0.0)]
    [InlineData("0.05", 0.05)]
    [InlineData("1", 1.0)]
    public void Should_read_the_share_of_traces_to_record(string? setting, double expected) =>
        Assert.Equal(expected, TelemetryExtensions.TraceRatio(Configuration(setting)));

    [Theory]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    [InlineData("half")]
    [InlineData("NaN")]
    public void Should_refuse_a_share_outside_0_to_1(string setting)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => TelemetryExtensions.TraceRatio(Configuration(setting)));
        Assert.Contains("SnowOps:Telemetry:TraceRatio", refused.Message);
        Assert.Contains(setting, refused.Message);
    }

    [Fact]
    public void Should_record_every_trace_it_begins_unless_told_otherwise()
    {
        using var host = Host("1");
        using var activity = source.StartActivity("a unit of work");
        Assert.NotNull(activity);
        Assert.True(activity.Recorded);
    }

    [Fact]
    public void Should_record_none_of_the_traces_it_begins_at_a_share_of_0_but_keep_a_callers_choice()
    {
        using var host = Host("0");
        using (var begun = source.StartActivity("a unit of work"))
            // At most a context to pass on, with nothing recorded in it.
            Assert.False(begun?.Recorded ?? false);

        var caller = ActivityContext.Parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null);
        using var continued = source.StartActivity("a message a recorded trace sent", ActivityKind.Consumer, caller);
        Assert.NotNull(continued);
        Assert.True(continued.Recorded);
    }

    static IConfiguration Configuration(string? setting) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SnowOps:Telemetry:TraceRatio"] = setting }).Build();

    static IHost Host(string ratio)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["SnowOps:Telemetry:TraceRatio"] = ratio });
        builder.AddTelemetry();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(source.Name));
        var host = builder.Build();
        // The tracer provider listens from when it is made.
        host.Services.GetRequiredService<TracerProvider>();
        return host;
    }
}
