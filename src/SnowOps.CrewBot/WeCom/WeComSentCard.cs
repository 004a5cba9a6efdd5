using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SnowOps.CrewBot.WeCom;

/// <summary>
/// A button card sent to one WeCom user, and the latest response code that may still update it. WeCom allows one update
/// per code, within 72 hours; a send gives a code and so does each click on the card.
/// </summary>
public sealed class WeComSentCard
{
    /// <summary>The card's task_id at WeCom, which clicks on it name.</summary>
    public string CardTaskId { get; set; } = "";

    /// <summary>The message id the crew chat knows the card by: the first card's task_id, kept by the cards that replace it.</summary>
    public string MessageId { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>Null once used or refused.</summary>
    public string? ResponseCode { get; set; }

    /// <summary>When the code was given.</summary>
    public DateTimeOffset Issued { get; set; }
}

sealed class WeComSentCardConfiguration : IEntityTypeConfiguration<WeComSentCard>
{
    public void Configure(EntityTypeBuilder<WeComSentCard> card)
    {
        card.ToTable("wecom_cards");
        card.HasKey(x => x.CardTaskId);
        card.HasIndex(x => new { x.UserId, x.MessageId });
        card.HasIndex(x => x.Issued);
        card.Property(x => x.CardTaskId).HasMaxLength(128);
        card.Property(x => x.MessageId).HasMaxLength(128);
        card.Property(x => x.UserId).HasMaxLength(64);
        card.Property(x => x.ResponseCode).HasMaxLength(256);
    }
}
