using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace SnowOps.Demo.Tests;

/// <summary>The demo runs only when asked for; without <c>--demo</c> the host is built as before.</summary>
public sealed class The_demo_switch
{
    [Fact]
    public void Should_turn_the_switch_into_the_setting_and_leave_the_other_arguments_as_they_are()
    {
        var args = DemoMode.ReadSwitch(["--urls", "http://127.0.0.1:5092", "--demo"]);

        Assert.Equal(["--urls", "http://127.0.0.1:5092", "--SnowOps:Demo:Enabled=true"], args);
        Assert.True(new ConfigurationBuilder().AddCommandLine(args).Build().GetValue<bool>("SnowOps:Demo:Enabled"));
    }

    [Fact]
    public void Should_add_nothing_to_a_host_started_without_it()
    {
        var builder = WebApplication.CreateBuilder(DemoMode.ReadSwitch(["--urls", "http://127.0.0.1:0"]));
        var services = builder.Services.Count;
        var sources = builder.Configuration.Sources.Count;

        builder.AddDemo();

        Assert.Equal(services, builder.Services.Count);
        Assert.Equal(sources, builder.Configuration.Sources.Count);
    }
}
