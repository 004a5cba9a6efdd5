using SnowOps.CrewBot.Chats;

namespace SnowOps.CrewBot.Chats;

/// <summary>A memory stream that refuses to grow past a limit, for downloads whose announced size may be missing or wrong.</summary>
sealed class BoundedBuffer(long maxBytes) : MemoryStream
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        Check(count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Check(count);
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Check(buffer.Length);
        return base.WriteAsync(buffer, cancellationToken);
    }

    public override void WriteByte(byte value)
    {
        Check(1);
        base.WriteByte(value);
    }

    void Check(int count)
    {
        if (Position + count > maxBytes)
            throw new ChatFileTooLargeException(maxBytes);
    }
}
