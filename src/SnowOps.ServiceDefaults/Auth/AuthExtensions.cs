using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using SnowOps.ServiceDefaults.Hosting;

namespace SnowOps.ServiceDefaults.Auth;

public static class AuthExtensions
{
    public static IHostApplicationBuilder AddSnowOpsAuth(this IHostApplicationBuilder builder)
    {
        var settings = builder.SnowOpsSettings();
        // Only the embedded mode may invent its own key; a distributed deployment must share one.
        var key = SigningKey.Resolve(builder.Configuration, settings.DataDir, createIfMissing: settings.Database == DatabaseKind.Sqlite);

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenIssuer.Issuer,
                    ValidAudience = TokenIssuer.Audience,
                    IssuerSigningKey = key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RoleClaimType = TokenIssuer.RoleClaim,
                    NameClaimType = TokenIssuer.NameClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents { OnMessageReceived = HubToken.Read };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Dispatch, RequireAnyRole(Roles.Dispatcher))
            .AddPolicy(Policies.Watch, RequireAnyRole(Roles.Committee, Roles.Dispatcher))
            .AddPolicy(Policies.Crew, RequireAnyRole(Roles.Crew))
            .AddPolicy(Policies.SubmitAlerts, RequireAnyRole(Roles.AlertSource))
            .AddPolicy(Policies.SubmitComplaints, RequireAnyRole(Roles.Hotline))
            .AddPolicy(Policies.Administer, RequireAnyRole());
        return builder;
    }

    static Action<AuthorizationPolicyBuilder> RequireAnyRole(params string[] roles) =>
        policy => policy.RequireAuthenticatedUser().RequireRole([.. roles, Roles.Admin]);
}
