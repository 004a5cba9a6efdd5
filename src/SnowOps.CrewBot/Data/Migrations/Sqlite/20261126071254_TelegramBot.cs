using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.CrewBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TelegramBot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "crew_members",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrewId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CodeExpires = table.Column<long>(type: "INTEGER", nullable: false),
                    CodeUsed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Created = table.Column<long>(type: "INTEGER", nullable: false),
                    Messenger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Bound = table.Column<long>(type: "INTEGER", nullable: true),
                    DecliningTaskId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crew_members", x => x.MemberId);
                });

            migrationBuilder.CreateTable(
                name: "processed_updates",
                columns: table => new
                {
                    Messenger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UpdateId = table.Column<long>(type: "INTEGER", nullable: false),
                    Received = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_updates", x => new { x.Messenger, x.UpdateId });
                });

            migrationBuilder.CreateTable(
                name: "sent_cards",
                columns: table => new
                {
                    Messenger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sent = table.Column<int>(type: "INTEGER", nullable: false),
                    ShownState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ShownCrewId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sent_cards", x => new { x.Messenger, x.ChatId, x.TaskId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_crew_members_CodeHash",
                table: "crew_members",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crew_members_CrewId",
                table: "crew_members",
                column: "CrewId");

            migrationBuilder.CreateIndex(
                name: "IX_crew_members_Messenger_ChatId",
                table: "crew_members",
                columns: new[] { "Messenger", "ChatId" });

            migrationBuilder.CreateIndex(
                name: "IX_sent_cards_TaskId",
                table: "sent_cards",
                column: "TaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crew_members");

            migrationBuilder.DropTable(
                name: "processed_updates");

            migrationBuilder.DropTable(
                name: "sent_cards");
        }
    }
}
