using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.CrewBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneMemberPerChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_crew_members_Messenger_ChatId",
                schema: "crewbot",
                table: "crew_members");

            // A chat bound twice keeps the member bound last, as a chat enrolled again does.
            migrationBuilder.Sql("""
                UPDATE crewbot.crew_members AS m SET "Messenger" = NULL, "ChatId" = NULL
                WHERE EXISTS (SELECT 1 FROM crewbot.crew_members AS o
                    WHERE o."Messenger" = m."Messenger" AND o."ChatId" = m."ChatId" AND o."MemberId" <> m."MemberId"
                    AND (o."Bound" > m."Bound" OR (o."Bound" = m."Bound" AND o."MemberId" > m."MemberId")))
                """);

            migrationBuilder.CreateIndex(
                name: "IX_crew_members_Messenger_ChatId",
                schema: "crewbot",
                table: "crew_members",
                columns: new[] { "Messenger", "ChatId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_crew_members_Messenger_ChatId",
                schema: "crewbot",
                table: "crew_members");

            migrationBuilder.CreateIndex(
                name: "IX_crew_members_Messenger_ChatId",
                schema: "crewbot",
                table: "crew_members",
                columns: new[] { "Messenger", "ChatId" });
        }
    }
}
