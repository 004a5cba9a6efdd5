using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.CrewBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChatDialogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "DecliningTaskId",
                table: "crew_members",
                newName: "AwaitingTaskId");

            migrationBuilder.AddColumn<string>(
                name: "Awaiting",
                table: "crew_members",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            // A decline waiting for its reason keeps waiting.
            migrationBuilder.Sql("""UPDATE crew_members SET "Awaiting" = 'decline-reason' WHERE "AwaitingTaskId" IS NOT NULL""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Awaiting",
                table: "crew_members");

            migrationBuilder.RenameColumn(
                name: "AwaitingTaskId",
                table: "crew_members",
                newName: "DecliningTaskId");
        }
    }
}
