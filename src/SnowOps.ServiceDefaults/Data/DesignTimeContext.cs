using Microsoft.EntityFrameworkCore;

namespace SnowOps.ServiceDefaults.Data;

/// <summary>Options for `dotnet ef` when it builds a module's provider context to write migrations.</summary>
public static class DesignTimeContext
{
    public static DbContextOptions<T> Sqlite<T>(string module) where T : DbContext =>
        (DbContextOptions<T>)DatabaseExtensions.UseSqlite(new DbContextOptionsBuilder<T>(), $"{module}.design.db").Options;

    public static DbContextOptions<T> Postgres<T>(string module) where T : DbContext =>
        (DbContextOptions<T>)DatabaseExtensions.UsePostgres(new DbContextOptionsBuilder<T>(), "Host=localhost;Database=design", module).Options;
}
