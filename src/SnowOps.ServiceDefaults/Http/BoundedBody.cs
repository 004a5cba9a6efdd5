using Microsoft.AspNetCore.Http;

namespace SnowOps.ServiceDefaults.Http;

public static class BoundedBody
{
    /// <summary>The request body, or null when it is longer than <paramref name="limit"/> bytes (read no further than that).</summary>
    public static Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken) =>
        ReadAsync(request.Body, request.ContentLength, limit, cancellationToken);

    /// <summary>
    /// A body from anywhere (a request, a fetched document), or null when it is longer than <paramref name="limit"/>
    /// bytes; a declared length over the limit is refused before anything is read.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, long limit, CancellationToken cancellationToken)
    {
        if (declaredLength > limit)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
