using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SnowOps.Heating.Complaints;

public static class ComplaintServices
{
    /// <summary>Complaint matching, the rolling-window counts and the check marks, for the endpoints and for other parts of Heating.</summary>
    public static IServiceCollection AddHeatingComplaints(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ComplaintOptions>(configuration.GetSection(ComplaintOptions.Section));
        services.AddSingleton<CompoundIndex>();
        services.AddScoped<ComplaintMatcher>();
        services.AddScoped<ComplaintCounts>();
        services.AddScoped<ComplaintChecks>();
        // What readings and the report ask of complaints (they fall back to nothing where complaints are not kept).
        services.AddScoped<Readings.IComplaintChecks>(sp => sp.GetRequiredService<ComplaintChecks>());
        services.AddScoped<Reports.IComplaintDelays, ComplaintDelays>();
        return services;
    }
}
