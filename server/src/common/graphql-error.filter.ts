import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Domain errors (GraphQLError with a code) are answers, not failures: hand them to Apollo as they
 * are, without Nest logging a stack trace for every refused input. Anything else reaches formatError,
 * which logs and masks it.
 */
@Catch(GraphQLError)
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(exception: GraphQLError, _host: ArgumentsHost): GraphQLError {
    return exception;
  }
}
