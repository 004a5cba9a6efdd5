using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SnowOps.Status.Dashboard;

/// <summary>
/// The dashboard, the console and the public lookup: HTML pages and their scripts, styles and vendored libraries,
/// copied beside the host's assembly. Serving them needs no login; every call they make does.
/// </summary>
public static class WebPages
{
    /// <summary>The folder under the application's base directory the build copies <c>Web/</c> to.</summary>
    public const string Folder = "status-web";

    public const string AssetPath = "/web";

    static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder app)
    {
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, Folder));
        app.MapGet("/dashboard", (HttpContext context, IOptions<MapOptions> map) => Page(context, files, "dashboard.html", map.Value))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/console", (HttpContext context, IOptions<MapOptions> map) => Page(context, files, "dashboard.html", map.Value))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/lookup", (HttpContext context, IOptions<MapOptions> map) => Page(context, files, "lookup.html", map.Value))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet(AssetPath + "/{**path}", (HttpContext context, string path) => Asset(context, files, path))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    static IResult Page(HttpContext context, IFileProvider files, string name, MapOptions map)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(map);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return File(files.GetFileInfo(name), "text/html; charset=utf-8");
    }

    static IResult Asset(HttpContext context, IFileProvider files, string path)
    {
        // The provider refuses paths that climb out of its folder or are absolute; those come back as not found.
        var file = files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory || !ContentTypes.TryGetContentType(path, out var contentType))
            return Results.NotFound();
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal))
            contentType += "; charset=utf-8";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        // The libraries change only with their pinned versions; the pages' own scripts are checked each time against their tag.
        context.Response.Headers.CacheControl = path.StartsWith("vendor/", StringComparison.Ordinal) ? "public, max-age=86400" : "no-cache";
        return File(file, contentType);
    }

    static IResult File(IFileInfo file, string contentType)
    {
        if (!file.Exists || file.PhysicalPath is null)
            return Results.NotFound();
        var tag = new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\"");
        return Results.File(file.PhysicalPath, contentType, lastModified: file.LastModified, entityTag: tag);
    }

    /// <summary>Scripts, styles and connections only from this host; images also inline and from the tile server if one is set.</summary>
    public static string ContentSecurityPolicy(MapOptions map)
    {
        var images = map.TileOrigin() is { } tiles ? $"'self' data: {tiles}" : "'self' data:";
        return $"default-src 'self'; script-src 'self'; style-src 'self'; img-src {images}; connect-src 'self'; font-src 'self'; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    }
}
