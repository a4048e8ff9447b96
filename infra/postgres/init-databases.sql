-- docker-compose: one database per service, owned by the services' role (bin/infra does the same locally).
CREATE DATABASE contract OWNER jobsuccess;
CREATE DATABASE feedback OWNER jobsuccess;
CREATE DATABASE score OWNER jobsuccess;
