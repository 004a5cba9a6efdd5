using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.CrewBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChatDialogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "DecliningTaskId",
                schema: "crewbot",
                table: "crew_members",
                newName: "AwaitingTaskId");

            migrationBuilder.AddColumn<string>(
                name: "Awaiting",
                schema: "crewbot",
                table: "crew_members",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            // A decline waiting for its reason keeps waiting.
            migrationBuilder.Sql("""UPDATE crewbot.crew_members SET "Awaiting" = 'decline-reason' WHERE "AwaitingTaskId" IS NOT NULL""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Awaiting",
                schema: "crewbot",
                table: "crew_members");

            migrationBuilder.RenameColumn(
                name: "AwaitingTaskId",
                schema: "crewbot",
                table: "crew_members",
                newName: "DecliningTaskId");
        }
    }
}
