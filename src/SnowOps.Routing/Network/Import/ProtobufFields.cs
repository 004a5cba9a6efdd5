namespace SnowOps.Routing.Network.Import;

/// <summary>
/// Just enough of the protobuf wire format to look inside a PBF block's envelope (its header and blob) before
/// the real reader decodes it: field numbers, varints and the lengths of length-delimited fields.
/// </summary>
public ref struct ProtobufFields(ReadOnlySpan<byte> message)
{
    readonly ReadOnlySpan<byte> _message = message;
    int _position;

    public int Field { get; private set; }

    /// <summary>The value of a varint field.</summary>
    public ulong Varint { get; private set; }

    /// <summary>The bytes of a length-delimited field (empty for other kinds).</summary>
    public ReadOnlySpan<byte> Bytes { get; private set; }

    /// <summary>Moves to the next field; false at the end. Throws <see cref="FormatException"/> on a malformed message.</summary>
    public bool MoveNext()
    {
        if (_position >= _message.Length)
            return false;
        var key = ReadVarint();
        Field = (int)(key >> 3);
        Bytes = default;
        Varint = 0;
        switch (key & 7)
        {
            case 0:
                Varint = ReadVarint();
                break;
            case 1:
                Skip(8);
                break;
            case 2:
                var length = ReadVarint();
                if (length > (ulong)(_message.Length - _position))
                    throw new FormatException("a field runs past the end of its message");
                Bytes = _message.Slice(_position, (int)length);
                _position += (int)length;
                break;
            case 5:
                Skip(4);
                break;
            default:
                throw new FormatException($"wire type {key & 7} is not one protobuf writes");
        }
        return true;
    }

    ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _message.Length)
                throw new FormatException("a number runs past the end of its message");
            var b = _message[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
        throw new FormatException("a number is longer than ten bytes");
    }

    void Skip(int bytes)
    {
        if (bytes > _message.Length - _position)
            throw new FormatException("a field runs past the end of its message");
        _position += bytes;
    }
}
