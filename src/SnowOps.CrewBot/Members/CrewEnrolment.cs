using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SnowOps.CrewBot.Data;

namespace SnowOps.CrewBot.Members;

/// <summary>Enrols crew members with one-time codes and binds a chat to the member whose code it sends.</summary>
public sealed class CrewEnrolment(CrewBotDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromHours(24);

    // No 0/O or 1/I: the code is read off a screen and typed.
    const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<(CrewMember Member, string Code)> EnrolAsync(string crewId, string name, string language, CancellationToken cancellationToken)
    {
        var code = RandomNumberGenerator.GetString(Alphabet, 10);
        var now = clock.GetUtcNow();
        var member = new CrewMember
        {
            MemberId = Guid.NewGuid(), CrewId = crewId, Name = name, Language = language,
            CodeHash = Hash(code), CodeExpires = now + CodeLifetime, Created = now,
        };
        db.Members.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return (member, code);
    }

    /// <summary>
    /// Enrols a member bound at once to a chat the admin names (a WeCom userid the company already knows); no code is
    /// given out. Null when another member holds that chat.
    /// </summary>
    public async Task<CrewMember?> EnrolBoundAsync(
        string crewId, string name, string language, string messenger, string chatId, CancellationToken cancellationToken)
    {
        if (await db.Members.AnyAsync(m => m.Messenger == messenger && m.ChatId == chatId, cancellationToken))
            return null;
        var now = clock.GetUtcNow();
        var member = new CrewMember
        {
            MemberId = Guid.NewGuid(), CrewId = crewId, Name = name, Language = language,
            // A code nobody knows, already used: the hash stays unique and redeems nothing.
            CodeHash = Hash(RandomNumberGenerator.GetHexString(32)), CodeExpires = now, CodeUsed = true, Created = now,
            Messenger = messenger, ChatId = chatId, Bound = now,
        };
        db.Members.Add(member);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same chat, bound at the same moment by another request: the unique (messenger, chat) index refused it.
            db.Entry(member).State = EntityState.Detached;
            return null;
        }
        return member;
    }

    /// <summary>The member the code belongs to, now bound to the chat; null when the code is unknown, used or expired.</summary>
    public async Task<CrewMember?> RedeemAsync(string code, string messenger, string chatId, CancellationToken cancellationToken)
    {
        var hash = Hash(code.Trim().ToUpperInvariant());
        var member = await db.Members.FirstOrDefaultAsync(m => m.CodeHash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (member is null || member.CodeUsed || member.CodeExpires <= now)
            return null;
        // One chat is one member: a chat enrolled again leaves its earlier member.
        var earlier = await db.Members.Where(m => m.Messenger == messenger && m.ChatId == chatId).ToListAsync(cancellationToken);
        foreach (var other in earlier)
        {
            other.Messenger = null;
            other.ChatId = null;
            other.Await(null, null);
        }
        member.CodeUsed = true;
        member.Messenger = messenger;
        member.ChatId = chatId;
        member.Bound = now;
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
