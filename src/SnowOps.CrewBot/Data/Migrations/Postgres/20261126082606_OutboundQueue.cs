using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.CrewBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboundQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Anew",
                schema: "crewbot",
                table: "sent_cards",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Claimed",
                schema: "crewbot",
                table: "sent_cards",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Queued",
                schema: "crewbot",
                table: "sent_cards",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                schema: "crewbot",
                table: "sent_cards",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Wanted",
                schema: "crewbot",
                table: "sent_cards",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_sent_cards_Queued",
                schema: "crewbot",
                table: "sent_cards",
                column: "Queued");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sent_cards_Queued",
                schema: "crewbot",
                table: "sent_cards");

            migrationBuilder.DropColumn(
                name: "Anew",
                schema: "crewbot",
                table: "sent_cards");

            migrationBuilder.DropColumn(
                name: "Claimed",
                schema: "crewbot",
                table: "sent_cards");

            migrationBuilder.DropColumn(
                name: "Queued",
                schema: "crewbot",
                table: "sent_cards");

            migrationBuilder.DropColumn(
                name: "Version",
                schema: "crewbot",
                table: "sent_cards");

            migrationBuilder.DropColumn(
                name: "Wanted",
                schema: "crewbot",
                table: "sent_cards");
        }
    }
}
