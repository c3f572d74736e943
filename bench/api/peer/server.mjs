// The peer: the API @neo4j/graphql generates from typeDefs.graphql, served
// by Apollo Server 5 over the same Neo4j geokg reads.
//
//   NEO4J_URI=bolt://127.0.0.1:17720 PORT=17722 node peer/server.mjs
//
// It prints "peer ready on PORT" once it listens.
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const uri = process.env.NEO4J_URI;
if (!uri) {
  console.error("peer: NEO4J_URI is not set");
  process.exit(2);
}
const port = Number(process.env.PORT || 4000);
const typeDefs = readFileSync(new URL("typeDefs.graphql", import.meta.url), "utf8");
// geokg's test server has auth off; a password is used when one is given.
const auth = process.env.NEO4J_PASSWORD
  ? neo4j.auth.basic(process.env.NEO4J_USER || "neo4j", process.env.NEO4J_PASSWORD)
  : undefined;
const driver = neo4j.driver(uri, auth);
await driver.verifyConnectivity();

const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { port, host: "127.0.0.1" } });
console.log(`peer ready on ${port} (${url})`);

const stop = async () => {
  await server.stop();
  await driver.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
