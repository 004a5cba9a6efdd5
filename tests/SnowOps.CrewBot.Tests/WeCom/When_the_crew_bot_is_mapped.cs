using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.CrewBot.Telegram;
using SnowOps.CrewBot.WeCom;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_the_crew_bot_is_mapped
{
    /// <summary>Builds every CrewBot endpoint, as the host does at start, and lists them as "METHOD path".</summary>
    static async Task<IReadOnlyList<string>> RoutesAsync(WeComOptions weCom)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddAuthorization();
        builder.Services.AddDbContext<Data.CrewBotDbContext, Data.CrewBotSqliteContext>(o => ServiceDefaults.Data.DatabaseExtensions.UseSqlite(o, ":memory:"));
        builder.Services.AddCrewBotServices(new TelegramOptions(), weCom);
        await using var app = builder.Build();
        app.MapCrewBotEndpoints();
        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"))];
    }

    [Fact]
    public async Task Should_map_the_wecom_callback_beside_the_other_endpoints_when_wecom_is_on()
    {
        var routes = await RoutesAsync(WeComTestApp.Options());

        Assert.Contains("GET /api/wecom/callback", routes);
        Assert.Contains("POST /api/wecom/callback", routes);
        Assert.Contains("POST /api/crew-members", routes);
        Assert.Contains("POST /api/telegram/webhook", routes);
    }

    [Fact]
    public async Task Should_not_map_the_wecom_callback_when_wecom_is_off()
    {
        var routes = await RoutesAsync(new WeComOptions());

        Assert.DoesNotContain(routes, r => r.Contains("wecom", StringComparison.Ordinal));
        Assert.Contains("POST /api/crew-members", routes);
    }
}
