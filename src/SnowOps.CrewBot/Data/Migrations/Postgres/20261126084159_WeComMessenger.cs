using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.CrewBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WeComMessenger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wecom_cards",
                schema: "crewbot",
                columns: table => new
                {
                    CardTaskId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResponseCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Issued = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_cards", x => x.CardTaskId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wecom_cards_Issued",
                schema: "crewbot",
                table: "wecom_cards",
                column: "Issued");

            migrationBuilder.CreateIndex(
                name: "IX_wecom_cards_UserId_MessageId",
                schema: "crewbot",
                table: "wecom_cards",
                columns: new[] { "UserId", "MessageId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wecom_cards",
                schema: "crewbot");
        }
    }
}
