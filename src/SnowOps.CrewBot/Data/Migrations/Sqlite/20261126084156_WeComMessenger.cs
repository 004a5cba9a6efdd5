using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.CrewBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WeComMessenger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wecom_cards",
                columns: table => new
                {
                    CardTaskId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResponseCode = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Issued = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_cards", x => x.CardTaskId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wecom_cards_Issued",
                table: "wecom_cards",
                column: "Issued");

            migrationBuilder.CreateIndex(
                name: "IX_wecom_cards_UserId_MessageId",
                table: "wecom_cards",
                columns: new[] { "UserId", "MessageId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wecom_cards");
        }
    }
}
