using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Reports;

namespace SnowOps.Heating.Deficiencies;

/// <summary>What the readings, deficiencies and reports need; the complaint hooks are no-ops until complaints are kept.</summary>
public static class DeficiencyServices
{
    /// <summary>Binds the night standard and the deficiency rules from configuration, checked at start.</summary>
    public static IServiceCollection AddHeatingRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IndoorStandard>().Bind(configuration.GetSection(IndoorStandard.Section))
            .Validate(s => s.Problem() is null, "SnowOps:Heating: the night standard settings are not valid (NightStandardCelsius, NightFrom, NightUntil, TimeZone).")
            .ValidateOnStart();
        services.AddOptions<DeficiencyRules>().Bind(configuration.GetSection(DeficiencyRules.Section))
            .Validate(r => r.Problem() is null, new DeficiencyRules { RepairWithinHours = -1 }.Problem()!)
            .ValidateOnStart();
        return services;
    }

    /// <summary>The services of the readings, deficiencies and reports; also what the specs register.</summary>
    public static IServiceCollection AddHeatingDeficiencies(this IServiceCollection services)
    {
        services.AddOptions<IndoorStandard>();
        services.AddOptions<DeficiencyRules>();
        services.TryAddScoped<ReadingJudge>();
        services.TryAddScoped<DeficiencyDesk>();
        services.TryAddScoped<ReportBuilder>();
        services.TryAddScoped<IComplaintChecks, NoComplaintChecks>();
        services.TryAddScoped<IComplaintDelays, NoComplaintDelays>();
        return services;
    }
}
