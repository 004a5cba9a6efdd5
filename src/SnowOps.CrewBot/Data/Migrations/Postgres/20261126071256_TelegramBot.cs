using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.CrewBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TelegramBot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "crew_members",
                schema: "crewbot",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CodeExpires = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CodeUsed = table.Column<bool>(type: "boolean", nullable: false),
                    Created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Messenger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ChatId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Bound = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecliningTaskId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crew_members", x => x.MemberId);
                });

            migrationBuilder.CreateTable(
                name: "processed_updates",
                schema: "crewbot",
                columns: table => new
                {
                    Messenger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UpdateId = table.Column<long>(type: "bigint", nullable: false),
                    Received = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_updates", x => new { x.Messenger, x.UpdateId });
                });

            migrationBuilder.CreateTable(
                name: "sent_cards",
                schema: "crewbot",
                columns: table => new
                {
                    Messenger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ChatId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sent = table.Column<int>(type: "integer", nullable: false),
                    ShownState = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ShownCrewId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sent_cards", x => new { x.Messenger, x.ChatId, x.TaskId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_crew_members_CodeHash",
                schema: "crewbot",
                table: "crew_members",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crew_members_CrewId",
                schema: "crewbot",
                table: "crew_members",
                column: "CrewId");

            migrationBuilder.CreateIndex(
                name: "IX_crew_members_Messenger_ChatId",
                schema: "crewbot",
                table: "crew_members",
                columns: new[] { "Messenger", "ChatId" });

            migrationBuilder.CreateIndex(
                name: "IX_sent_cards_TaskId",
                schema: "crewbot",
                table: "sent_cards",
                column: "TaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crew_members",
                schema: "crewbot");

            migrationBuilder.DropTable(
                name: "processed_updates",
                schema: "crewbot");

            migrationBuilder.DropTable(
                name: "sent_cards",
                schema: "crewbot");
        }
    }
}
