using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.CrewBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboundQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Anew",
                table: "sent_cards",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "Claimed",
                table: "sent_cards",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Queued",
                table: "sent_cards",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "sent_cards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Wanted",
                table: "sent_cards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_sent_cards_Queued",
                table: "sent_cards",
                column: "Queued");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sent_cards_Queued",
                table: "sent_cards");

            migrationBuilder.DropColumn(
                name: "Anew",
                table: "sent_cards");

            migrationBuilder.DropColumn(
                name: "Claimed",
                table: "sent_cards");

            migrationBuilder.DropColumn(
                name: "Queued",
                table: "sent_cards");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "sent_cards");

            migrationBuilder.DropColumn(
                name: "Wanted",
                table: "sent_cards");
        }
    }
}
